package org.yiyue.rules.checks.meta;

import java.util.Optional;

import org.jsoup.nodes.Element;

/** HTML's shared declarative refresh steps, reduced to what the rules need: the time, when content is valid. */
final class MetaRefreshParser {

    private MetaRefreshParser() {
    }

    static Optional<Double> time(String content) {
        String s = content.stripLeading();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
        }
        if (i == 0) {
            // "." followed by digits alone is not a valid time
            return Optional.empty();
        }
        double time = Double.parseDouble(s.substring(0, i));
        // skip fractional part
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
        }
        if (j < s.length()) {
            char c = s.charAt(j);
            if (c != ';' && c != ',' && !Character.isWhitespace(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(time);
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
