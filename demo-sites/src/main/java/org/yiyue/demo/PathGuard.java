package org.yiyue.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a raw request path into a safe site path, or refuses it. Refused: no leading slash, encoded dots, slashes,
 * backslashes or NUL, any {@code .}/{@code ..} segment, empty segments, control characters, invalid UTF-8. The
 * sites are classpath resources under {@code sites/<id>/}, so nothing outside that root is reachable either way;
 * refusing early keeps the answer a plain 400.
 */
final class PathGuard {

    private PathGuard() {
    }

    static Optional<String> clean(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() > 1024) {
            return Optional.empty();
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
                || lower.contains("%25")) {
            return Optional.empty();
        }
        Optional<String> decoded = percentDecode(rawPath);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String path = decoded.get();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                return Optional.empty();
            }
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".") || s.equals("..") || (s.isEmpty() && !last)) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    private static Optional<String> percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
