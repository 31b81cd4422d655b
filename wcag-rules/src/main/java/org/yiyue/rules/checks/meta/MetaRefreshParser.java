package org.yiyue.rules.checks.meta;

import java.util.Optional;

import org.jsoup.nodes.Element;

/** HTML's shared declarative refresh steps, reduced to what the rules need: the time, when content is valid. */
final class MetaRefreshParser {

    private MetaRefreshParser() {
    }

    /**
     * The time of HTML's shared declarative refresh steps, or empty when the steps stop early (an invalid value):
     * ASCII whitespace skipped, ASCII digits read as the time; no digits is still valid when a "." follows (time 0,
     * as in ".5"); digits and dots after that are ignored; then only the end, ";", "," or ASCII whitespace may follow.
     */
    static Optional<Double> time(String content) {
        String s = content;
        int i = 0;
        while (i < s.length() && asciiWhitespace(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return Optional.empty();
        }
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        double time = 0;
        if (i == start) {
            if (s.charAt(i) != '.') {
                return Optional.empty();
            }
        } else {
            time = Double.parseDouble(s.substring(start, i));
        }
        while (i < s.length() && (s.charAt(i) >= '0' && s.charAt(i) <= '9' || s.charAt(i) == '.')) {
            i++;
        }
        if (i < s.length()) {
            char c = s.charAt(i);
            if (c != ';' && c != ',' && !asciiWhitespace(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(time);
    }

    private static boolean asciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** The first meta http-equiv=refresh element with a valid content attribute. */
    static Optional<Element> first(org.jsoup.nodes.Document doc) {
        for (Element m : doc.select("meta[http-equiv]")) {
            if (m.attr("http-equiv").trim().equalsIgnoreCase("refresh") && time(m.attr("content")).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
