package org.yiyue.overlay.site;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which upstream paths a fix applies to: a list of globs where {@code *} matches within one path segment and
 * {@code **} matches across segments, e.g. {@code /news/**}, {@code /index.html}. Empty list = every page.
 */
public record PagePattern(List<String> globs, List<Pattern> compiled) {

    public static final PagePattern ALL = of(List.of());

    public static PagePattern of(List<String> globs) {
        return new PagePattern(List.copyOf(globs), globs.stream().map(PagePattern::compile).toList());
    }

    public boolean matches(String path) {
        return compiled.isEmpty() || compiled.stream().anyMatch(p -> p.matcher(path).matches());
    }

    static Pattern compile(String glob) {
        if (!glob.startsWith("/")) {
            throw new IllegalArgumentException("page pattern must start with '/': " + glob);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
