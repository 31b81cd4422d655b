package org.yiyue.overlay.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * After a WebSocket 101: copies bytes both ways between the browser's upgraded connection and the upstream socket,
 * without looking at them (frames, masks, extensions stay between browser and upstream). One thread per direction
 * with a small buffer; when either side ends or fails, both are closed, so neither end is left half open. No idle
 * timeout: a quiet chat is legitimate, and TCP keep-alive on the upstream socket catches a vanished upstream.
 */
public class ByteTunnel implements HttpUpgradeHandler {

    private static final Logger LOG = Logger.getLogger("org.yiyue.overlay.proxy");
    private static final int BUFFER = 8192;

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Socket upstream;
    private volatile InputStream fromUpstream;
    private volatile String label = "";
    private volatile WebConnection client;

    /** Called by the servlet between {@code request.upgrade} and the end of its service method. */
    void attach(Socket upstreamSocket, InputStream upstreamInput, String logLabel) {
        upstream = upstreamSocket;
        fromUpstream = upstreamInput;
        label = logLabel;
    }

    @Override
    public void init(WebConnection connection) {
        client = connection;
        if (upstream == null) {
            closeBoth("no upstream attached");
            return;
        }
        try {
            InputStream fromClient = connection.getInputStream();
            OutputStream toClient = connection.getOutputStream();
            OutputStream toUpstream = upstream.getOutputStream();
            toClient.flush(); // Grizzly holds the 101 head until the upgraded stream is flushed
            start("yiyue-ws-up", () -> pump(fromClient, toUpstream, "client"));
            start("yiyue-ws-down", () -> pump(fromUpstream, toClient, "upstream"));
        } catch (IOException e) {
            closeBoth(e.toString());
        }
    }

    @Override
    public void destroy() {
        closeBoth("container ended the connection");
    }

    private void pump(InputStream in, OutputStream out, String source) {
        byte[] buf = new byte[BUFFER];
        String why = source + " ended";
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    out.write(buf, 0, n);
                    out.flush(); // interactive: never hold a frame back
                }
            }
        } catch (IOException e) {
            why = source + " side: " + e;
        }
        closeBoth(why);
    }

    private void closeBoth(String why) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info(() -> label + " closed: " + why);
        try {
            if (upstream != null) {
                upstream.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            if (client != null) {
                client.close();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing the client side", e);
        }
    }

    private static void start(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
