package org.yiyue.overlay.proxy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An upstream response body whose read failures (other than a stall) surface as {@link UpstreamBrokenException}. */
final class UpstreamBody extends FilterInputStream {

    UpstreamBody(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (UpstreamStalledException | UpstreamBrokenException e) {
            throw e;
        } catch (IOException e) {
            throw new UpstreamBrokenException(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (UpstreamStalledException | UpstreamBrokenException e) {
            throw e;
        } catch (IOException e) {
            throw new UpstreamBrokenException(e);
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException ignored) {
            // the connection is already gone; closing only releases it
        }
    }
}
