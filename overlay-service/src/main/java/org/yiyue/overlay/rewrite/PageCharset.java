package org.yiyue.overlay.rewrite;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset a page is really in: the Content-Type header's, else a BOM, else the first {@code <meta>} charset
 * declaration, else UTF-8. Declared gb2312/gbk decode as GB18030, because real pages declaring gb2312 use GBK
 * characters (e.g. 镕) that a strict gb2312 decoder garbles; GB18030 encodes every GBK character with the same bytes.
 */
public final class PageCharset {

    private static final Pattern META = Pattern.compile(
            "(?i)<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)");

    private PageCharset() {
    }

    /** @throws java.nio.charset.UnsupportedCharsetException for a charset this JVM cannot handle */
    public static Charset of(String contentType, byte[] page) {
        String name = fromContentType(contentType).or(() -> fromBom(page)).or(() -> fromMeta(page)).orElse("UTF-8");
        return Charset.forName(normalize(name));
    }

    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn", "x-euc-cn", "cp936", "ms936",
                    "windows-936" -> "GB18030";
            default -> name;
        };
    }

    static Optional<String> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String v = p.substring(8).trim().replace("\"", "").replace("'", "");
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return Optional.of("UTF-8");
        }
        return Optional.empty();
    }

    static Optional<String> fromMeta(byte[] page) {
        String head = new String(page, 0, Math.min(page.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
