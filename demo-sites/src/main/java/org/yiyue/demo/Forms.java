package org.yiyue.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Form decoding: urlencoded (UTF-8, falling back to GB18030 for forms on GBK pages) and multipart/form-data. */
final class Forms {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private Forms() {
    }

    /**
     * Parses {@code a=1&b=%E4%B8%AD}. Values are decoded as UTF-8; a value whose bytes are not valid UTF-8 is decoded
     * as GB18030, because the search box on the GBK guide pages submits GBK-encoded text. First value of a name wins.
     */
    static Map<String, String> parseUrlEncoded(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        byte[] b = bytes.toByteArray();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(b, GB18030);
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** One part of a multipart body: a plain field (filename null) or a file. */
    record Part(String name, String filename, String contentType, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** Parses a multipart/form-data body; throws IllegalArgumentException when it is malformed. */
    static List<Part> parseMultipart(String contentTypeHeader, byte[] body) {
        String boundary = boundaryOf(contentTypeHeader);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new IllegalArgumentException("multipart body has no boundary line");
        }
        while (true) {
            int after = pos + delimiter.length;
            if (startsWith(body, after, "--")) {
                return parts; // closing delimiter
            }
            int headerStart = after + 2; // CRLF after the delimiter
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            if (headerEnd < 0) {
                throw new IllegalArgumentException("multipart part without header end");
            }
            String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            int contentStart = headerEnd + 4;
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int contentEnd = indexOf(body, next, contentStart);
            // a real delimiter is followed by "--" (close) or CRLF; anything else is part of the content
            while (contentEnd >= 0 && !startsWith(body, contentEnd + next.length, "--")
                    && !startsWith(body, contentEnd + next.length, "\r\n")) {
                contentEnd = indexOf(body, next, contentEnd + 1);
            }
            if (contentEnd < 0) {
                throw new IllegalArgumentException("multipart part not terminated");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
            parts.add(part(headers, content));
            pos = contentEnd + 2;
        }
    }

    private static Part part(String headers, byte[] content) {
        String name = null;
        String filename = null;
        String type = "text/plain";
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                name = param(line, "name");
                filename = param(line, "filename");
            } else if (lower.startsWith("content-type:")) {
                type = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("multipart part without a name");
        }
        return new Part(name, filename, type, content);
    }

    private static String param(String header, String key) {
        String needle = key + "=\"";
        int i = 0;
        while ((i = header.indexOf(needle, i)) >= 0) {
            char before = i == 0 ? ' ' : header.charAt(i - 1);
            if (before == ' ' || before == ';') {
                int start = i + needle.length();
                int end = header.indexOf('"', start);
                return end < 0 ? null : header.substring(start, end);
            }
            i += needle.length();
        }
        return null;
    }

    private static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("expected multipart/form-data, got " + contentType);
        }
        for (String piece : contentType.split(";")) {
            String p = piece.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                if (b.startsWith("\"") && b.endsWith("\"") && b.length() >= 2) {
                    b = b.substring(1, b.length() - 1);
                }
                if (!b.isEmpty() && b.length() <= 70) {
                    return b;
                }
            }
        }
        throw new IllegalArgumentException("multipart/form-data without a usable boundary");
    }

    private static boolean startsWith(byte[] data, int at, String ascii) {
        if (at + ascii.length() > data.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (data[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
