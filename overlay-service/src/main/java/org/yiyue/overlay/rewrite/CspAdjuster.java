package org.yiyue.overlay.rewrite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Adjusts enforced Content-Security-Policy values so the toolbar (served by the overlay, i.e. 'self' of the page)
 * can run, style itself, call /api and play speech, while the page's own policy keeps its meaning:
 * <ul>
 *   <li>script: 'self' is added where scripts are restricted; where the policy relies on 'strict-dynamic' (which
 *       ignores 'self') the injected tag gets a nonce instead — the page's own nonce when it has one, so no new
 *       nonce is ever added to a policy that already trusts one;</li>
 *   <li>style/connect: 'self'; media: 'self' blob: (speech is played from a blob); img: 'self' data: (cursors);</li>
 *   <li>a directive missing but covered by default-src is created from default-src plus the addition, so every
 *       other resource type keeps default-src's meaning.</li>
 * </ul>
 * Report-Only policies are never passed here. Directives we do not need (frame-ancestors, sandbox, report-to…)
 * are left as they are.
 */
public final class CspAdjuster {

    /** What each resource type needs, and which directives govern it, most specific first. */
    private static final List<Need> NEEDS = List.of(
            new Need(List.of("style-src-elem", "style-src"), List.of("'self'")),
            new Need(List.of("connect-src"), List.of("'self'")),
            new Need(List.of("media-src"), List.of("'self'", "blob:")),
            new Need(List.of("img-src"), List.of("'self'", "data:")));

    private record Need(List<String> directives, List<String> sources) {
    }

    /** The adjusted policies and the nonce the injected tag must carry, if any. */
    public record Result(List<String> policies, Optional<String> nonce) {
    }

    private CspAdjuster() {
    }

    /**
     * @param headerValues   every enforced CSP header value (each may hold several comma-separated policies)
     * @param freshNonce     used only when a policy needs a nonce and the page offers none
     */
    public static Result adjust(List<String> headerValues, String freshNonce) {
        List<Map<String, List<String>>> policies = new ArrayList<>();
        List<Integer> headerOf = new ArrayList<>();
        for (int h = 0; h < headerValues.size(); h++) {
            for (String p : headerValues.get(h).split(",")) {
                if (!p.isBlank()) {
                    policies.add(parse(p));
                    headerOf.add(h);
                }
            }
        }
        String nonce = null;
        for (Map<String, List<String>> policy : policies) {
            for (String d : List.of("script-src-elem", "script-src", "default-src")) {
                if (policy.containsKey(d)) {
                    nonce = nonce != null ? nonce : nonceIn(policy.get(d)).orElse(null);
                    break;
                }
            }
        }
        boolean nonceUsed = false;
        for (Map<String, List<String>> policy : policies) {
            nonceUsed |= adjustScripts(policy, nonce != null ? nonce : freshNonce, nonce != null);
            for (Need need : NEEDS) {
                adjust(policy, need.directives(), need.sources());
            }
        }
        String chosen = nonce != null ? nonce : nonceUsed ? freshNonce : null;
        List<StringBuilder> out = new ArrayList<>();
        for (int h = 0; h < headerValues.size(); h++) {
            out.add(new StringBuilder());
        }
        for (int i = 0; i < policies.size(); i++) {
            StringBuilder sb = out.get(headerOf.get(i));
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(serialize(policies.get(i)));
        }
        return new Result(out.stream().map(StringBuilder::toString).toList(),
                Optional.ofNullable(nonce != null ? nonce : chosen));
    }

    /** Returns true when the tag needs the nonce for this policy. */
    private static boolean adjustScripts(Map<String, List<String>> policy, String nonce, boolean pageNonce) {
        List<String> targets = new ArrayList<>();
        for (String d : List.of("script-src-elem", "script-src")) {
            if (policy.containsKey(d)) {
                targets.add(d);
            }
        }
        if (targets.isEmpty() && policy.containsKey("default-src")) {
            policy.put("script-src", new ArrayList<>(policy.get("default-src")));
            targets.add("script-src");
        }
        boolean needsNonce = false;
        for (String d : targets) {
            List<String> sources = policy.get(d);
            boolean strictDynamic = sources.stream().anyMatch(s -> s.equalsIgnoreCase("'strict-dynamic'"));
            Optional<String> own = nonceIn(sources);
            if (strictDynamic) {
                needsNonce = true;
                if (own.isEmpty() || !own.get().equals(nonce)) {
                    addSource(sources, "'nonce-" + nonce + "'");
                }
            } else {
                if (own.isPresent() && pageNonce && !own.get().equals(nonce)) {
                    addSource(sources, "'nonce-" + nonce + "'");
                }
                if (!allows(sources, "'self'")) {
                    addSource(sources, "'self'");
                }
                needsNonce |= own.isPresent();
            }
        }
        return needsNonce;
    }

    private static void adjust(Map<String, List<String>> policy, List<String> directives, List<String> sources) {
        boolean any = false;
        for (String d : directives) {
            if (policy.containsKey(d)) {
                any = true;
                sources.forEach(s -> {
                    if (!allows(policy.get(d), s)) {
                        addSource(policy.get(d), s);
                    }
                });
            }
        }
        if (!any && policy.containsKey("default-src")) {
            List<String> copy = new ArrayList<>(policy.get("default-src"));
            sources.forEach(s -> {
                if (!allows(copy, s)) {
                    addSource(copy, s);
                }
            });
            policy.put(directives.get(directives.size() - 1), copy);
        }
    }

    static boolean allows(List<String> sources, String wanted) {
        for (String s : sources) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.equals(wanted)) {
                return true;
            }
            if (wanted.equals("'self'") && l.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static void addSource(List<String> sources, String source) {
        sources.removeIf(s -> s.equalsIgnoreCase("'none'"));
        sources.add(source);
    }

    static Optional<String> nonceIn(List<String> sources) {
        return sources.stream()
                .filter(s -> s.length() > 9 && s.regionMatches(true, 0, "'nonce-", 0, 7) && s.endsWith("'"))
                .map(s -> s.substring(7, s.length() - 1)).findFirst();
    }

    static Map<String, List<String>> parse(String policy) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String part : policy.split(";")) {
            String[] tokens = part.trim().split("\\s+");
            if (tokens.length == 0 || tokens[0].isEmpty()) {
                continue;
            }
            String name = tokens[0].toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>();
            for (int i = 1; i < tokens.length; i++) {
                values.add(tokens[i]);
            }
            // CSP: only the first occurrence of a directive counts
            directives.putIfAbsent(name, values);
        }
        return directives;
    }

    static String serialize(Map<String, List<String>> policy) {
        List<String> parts = new ArrayList<>();
        policy.forEach((name, values) -> parts.add(values.isEmpty() ? name : name + " " + String.join(" ", values)));
        return String.join("; ", parts);
    }
}
