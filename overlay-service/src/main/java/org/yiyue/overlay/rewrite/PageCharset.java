package org.yiyue.overlay.rewrite;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/**
 * The charset a page is really in, decided in the browser's order (WHATWG "determine the character encoding"): a BOM,
 * then the Content-Type header, then a {@code <meta>} declaration within the first 1024 bytes, then — nothing
 * declared anywhere — a detector: bytes that are valid UTF-8 are UTF-8, anything else is ranked by ICU4J's
 * {@link CharsetDetector} among the encodings Chinese government sites actually use (GB18030 ⊃ GBK ⊃ gb2312, Big5,
 * UTF-8). Declared gb2312/gbk decode as GB18030, because real pages declaring gb2312 use GBK characters (e.g. 镕)
 * that a strict gb2312 decoder garbles; GB18030 encodes every GBK character with the same bytes.
 */
public final class PageCharset {

    private static final Pattern META = Pattern.compile(
            "(?i)<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)");
    private static final int PRESCAN_BYTES = 1024;
    private static final int DETECT_BYTES = 65536;

    private PageCharset() {
    }

    /** @throws java.nio.charset.UnsupportedCharsetException for a charset this JVM cannot handle */
    public static Charset of(String contentType, byte[] page) {
        String name = fromBom(page).or(() -> fromContentType(contentType)).or(() -> fromMeta(page))
                .orElseGet(() -> detect(page));
        return Charset.forName(normalize(name));
    }

    /** True when the charset came from neither a BOM, the header nor a meta prescan. */
    public static boolean undeclared(String contentType, byte[] page) {
        return fromBom(page).isEmpty() && fromContentType(contentType).isEmpty() && fromMeta(page).isEmpty();
    }

    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn", "x-euc-cn", "cp936", "ms936",
                    "windows-936" -> "GB18030";
            // WHATWG: "utf-16" as a label is little endian
            case "utf-16" -> "UTF-16LE";
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
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return Optional.of("UTF-16BE");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return Optional.of("UTF-16LE");
        }
        return Optional.empty();
    }

    /** The bytes of the BOM at the start of the page (0, 2 or 3). */
    static int bomLength(byte[] b) {
        return fromBom(b).map(name -> name.equals("UTF-8") ? 3 : 2).orElse(0);
    }

    static Optional<String> fromMeta(byte[] page) {
        String head = new String(page, 0, Math.min(page.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Nothing declared: UTF-8 if the bytes are valid UTF-8, else the detector's best Chinese-web candidate. */
    static String detect(byte[] page) {
        byte[] sample = page.length <= DETECT_BYTES ? page : java.util.Arrays.copyOf(page, DETECT_BYTES);
        if (validUtf8(sample, page.length > DETECT_BYTES)) {
            return "UTF-8";
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        for (CharsetMatch m : detector.detectAll()) {
            switch (m.getName()) {
                case "GB18030":
                    return "GB18030";
                case "Big5":
                    return "Big5";
                case "UTF-8":
                    return "UTF-8";
                default:
                    // Shift_JIS, EUC-KR, windows-125x…: not what these sites use; look further down the ranking
            }
        }
        return "GB18030";
    }

    private static boolean validUtf8(byte[] sample, boolean truncated) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        var out = java.nio.CharBuffer.allocate(sample.length);
        var result = decoder.decode(in, out, !truncated);
        // a sample cut inside a multi-byte sequence leaves it undecoded (underflow), which is not an error
        return !result.isError();
    }

    /** For callers that only need to know whether decoding with a charset loses nothing. */
    static boolean decodesCleanly(byte[] page, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(page));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
