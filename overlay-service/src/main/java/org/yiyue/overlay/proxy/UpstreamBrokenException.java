package org.yiyue.overlay.proxy;

import java.io.IOException;
import java.util.Locale;

/**
 * The upstream's response broke while its body was being read: it ended before Content-Length (short body), its
 * chunked coding was malformed, or the connection was reset. Its own type so the proxy can tell it from a failure
 * to write to the browser; {@link #kind()} is what /api/metrics counts.
 */
public final class UpstreamBrokenException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    UpstreamBrokenException(IOException cause) {
        super(cause.toString(), cause);
        this.kind = classify(cause);
    }

    public String kind() {
        return kind;
    }

    private static String classify(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("chunk")) {
            return "bad-chunking";
        }
        if (m.contains("reset") || m.contains("broken pipe")) {
            return "reset";
        }
        // the JDK client: "fixed content-length: N, bytes received: M", "EOF reached while reading"
        return e instanceof java.io.EOFException || m.contains("eof") || m.contains("closed")
                || m.contains("content-length") || m.contains("bytes received") ? "short-body" : "broken-body";
    }
}
