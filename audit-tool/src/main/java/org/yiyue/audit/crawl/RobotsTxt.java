package org.yiyue.audit.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * robots.txt as RFC 9309 reads it: the group for our agent (or "*"), longest matching Allow/Disallow wins,
 * Allow wins a tie; "*" wildcards and "$" end anchors. A missing or unreadable file allows everything.
 */
public final class RobotsTxt {

    public static final String AGENT = "yiyue";

    private record RuleLine(boolean allow, String pattern, Pattern regex) {
    }

    private final List<RuleLine> rules;
    private final List<String> sitemaps;

    private RobotsTxt(List<RuleLine> rules, List<String> sitemaps) {
        this.rules = rules;
        this.sitemaps = sitemaps;
    }

    public static RobotsTxt allowAll() {
        return new RobotsTxt(List.of(), List.of());
    }

    public static RobotsTxt parse(String text) {
        List<RuleLine> ours = new ArrayList<>();
        List<RuleLine> star = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        List<String> groupAgents = new ArrayList<>();
        boolean inRules = false;
        List<RuleLine> current = null;
        boolean currentOurs = false;
        boolean currentStar = false;
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.replaceAll("#.*$", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (inRules) {
                        groupAgents.clear();
                        currentOurs = false;
                        currentStar = false;
                        inRules = false;
                    }
                    groupAgents.add(value.toLowerCase(Locale.ROOT));
                    if (value.equals("*")) {
                        currentStar = true;
                    } else if (AGENT.startsWith(value.toLowerCase(Locale.ROOT)) || value.toLowerCase(Locale.ROOT).contains(AGENT)) {
                        currentOurs = true;
                    }
                }
                case "allow", "disallow" -> {
                    inRules = true;
                    if (value.isEmpty()) {
                        continue; // "Disallow:" with nothing allows everything
                    }
                    RuleLine r = new RuleLine(key.equals("allow"), value, toRegex(value));
                    if (currentOurs) {
                        ours.add(r);
                    } else if (currentStar) {
                        star.add(r);
                    }
                }
                case "sitemap" -> sitemaps.add(value);
                default -> { }
            }
        }
        return new RobotsTxt(ours.isEmpty() ? star : ours, sitemaps);
    }

    private static Pattern toRegex(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                sb.append(".*");
            } else if (c == '$' && i == pattern.length() - 1) {
                sb.append('$');
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    /** pathAndQuery: the raw path plus "?query" if any. */
    public boolean allows(String pathAndQuery) {
        RuleLine best = null;
        for (RuleLine r : rules) {
            if (r.regex().matcher(pathAndQuery).lookingAt()) {
                if (best == null || r.pattern().length() > best.pattern().length()
                        || (r.pattern().length() == best.pattern().length() && r.allow())) {
                    best = r;
                }
            }
        }
        return best == null || best.allow();
    }

    public List<String> sitemaps() {
        return List.copyOf(sitemaps);
    }
}
