package org.yiyue.overlay.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Status and headers of an HTTP/1.1 response read from a raw stream, byte by byte so that nothing after the
 * blank line is consumed (after a 101 those bytes are already WebSocket frames). Bounded: a head larger than
 * {@code maxBytes} is an error, not a memory sink.
 */
record ResponseHead(int status, HttpHeaders headers) {

    static ResponseHead read(InputStream in, int maxBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("upstream closed the connection inside the response head");
            }
            if (++total > maxBytes) {
                throw new IOException("response head over " + maxBytes + " bytes");
            }
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    break;
                }
                lines.add(text);
            } else {
                line.write(c);
            }
        }
        return parse(lines);
    }

    private static ResponseHead parse(List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            throw new IOException("empty response head");
        }
        String[] statusLine = lines.get(0).split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.") || !statusLine[1].matches("[1-5][0-9][0-9]")) {
            throw new IOException("not an HTTP/1.x status line");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String h : lines.subList(1, lines.size())) {
            int colon = h.indexOf(':');
            if (colon <= 0 || h.charAt(0) == ' ' || h.charAt(0) == '\t') {
                throw new IOException("malformed response header line");
            }
            headers.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).trim());
        }
        return new ResponseHead(Integer.parseInt(statusLine[1]), HttpHeaders.of(headers, (k, v) -> true));
    }
}
