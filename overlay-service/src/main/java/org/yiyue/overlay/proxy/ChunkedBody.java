package org.yiyue.overlay.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Decodes an HTTP/1.1 chunked body (RFC 9112 §7.1) from a raw stream, up to a size limit; trailers are dropped. */
final class ChunkedBody {

    private ChunkedBody() {
    }

    static void read(InputStream in, ByteArrayOutputStream out, int limit) throws IOException {
        while (true) {
            String sizeLine = line(in);
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size");
            }
            if (size < 0 || out.size() + size > limit) {
                throw new IOException("chunked body over " + limit + " bytes");
            }
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailer fields: not passed on
                }
                return;
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length < size) {
                throw new IOException("upstream closed inside a chunk");
            }
            out.write(data);
            line(in); // the CRLF after the chunk data
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("upstream closed inside a chunked body");
            }
            if (b.size() > 4096) {
                throw new IOException("chunk line too long");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1).trim();
    }
}
