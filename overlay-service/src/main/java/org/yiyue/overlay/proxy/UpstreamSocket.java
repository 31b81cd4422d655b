package org.yiyue.overlay.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A plain TCP connection to a site's configured upstream (TLS for https, with host name verification and SNI, like
 * the JDK client), for the one thing the JDK client cannot do: an HTTP/1.1 Upgrade.
 */
final class UpstreamSocket {

    private UpstreamSocket() {
    }

    static Socket open(URI upstream, Duration connectTimeout) throws IOException {
        boolean tls = "https".equalsIgnoreCase(upstream.getScheme());
        int port = upstream.getPort() > 0 ? upstream.getPort() : tls ? 443 : 80;
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(upstream.getHost(), port), timeoutMs);
            plain.setTcpNoDelay(true); // WebSocket frames are small and interactive
            plain.setKeepAlive(true); // the tunnel has no idle timeout; the OS still notices a vanished peer
            if (!tls) {
                return plain;
            }
            SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, upstream.getHost(), port, true);
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            if (!upstream.getHost().matches("[0-9.]+|.*:.*")) {
                params.setServerNames(List.of(new SNIHostName(upstream.getHost())));
            }
            params.setApplicationProtocols(new String[] {"http/1.1"});
            ssl.setSSLParameters(params);
            ssl.setSoTimeout(timeoutMs); // the TLS handshake counts as connecting
            ssl.startHandshake();
            return ssl;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }
}
