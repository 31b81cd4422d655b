package org.yiyue.overlay.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal RFC 6455 server on 127.0.0.1 (ephemeral port), written by hand so the test sees every byte: on
 * {@code /chat} it accepts the handshake and answers each text message with {@link #PREFIX} + the message
 * (unmasked frames, extended lengths as needed); the message {@link #CLOSE_ME} makes it send a close frame and hang
 * up. {@code /refuse} answers 400, {@code /plain} a 200 text page, {@code /silent} nothing at all. It records each handshake's request head.
 */
final class WebSocketOrigin extends RawSocketOrigin {

    static final String PREFIX = "回声：";
    static final String CLOSE_ME = "请关闭";
    static final String REFUSAL = "不接受 WebSocket 连接";
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** Request heads by path (without query), the latest one per path. */
    final Map<String, String> heads = new ConcurrentHashMap<>();

    WebSocketOrigin() throws IOException {
        super("ws-origin");
    }

    @Override
    protected void serve(Socket s) {
        try (s) {
            s.setSoTimeout(30000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            String head = readHead(in);
            String path = pathOf(head);
            heads.put(path, head);
            OutputStream out = s.getOutputStream();
            switch (path) {
                case "/chat" -> chat(head, in, out);
                case "/refuse" -> plain(out, "400 Bad Request", REFUSAL);
                case "/silent" -> {
                    while (in.read() >= 0) {
                        // never answer; wait for the proxy to give up
                    }
                }
                default -> plain(out, "200 OK", "这里没有 WebSocket");
            }
        } catch (IOException e) {
            // the proxy hung up or the test ended
        }
    }

    private static void plain(OutputStream out, String status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private void chat(String head, DataInputStream in, OutputStream out) throws IOException {
        String key = header(head, "sec-websocket-key");
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0f;
            if ((b1 & 0x80) == 0) {
                throw new IOException("client frames must be masked (RFC 6455 §5.1)");
            }
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = in.readNBytes(4);
            byte[] payload = in.readNBytes((int) length);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            switch (opcode) {
                case 0x8 -> { // close: answer it and hang up
                    frame(out, 0x8, new byte[0]);
                    return;
                }
                case 0x9 -> frame(out, 0xA, payload);
                case 0xA -> { }
                default -> {
                    message.write(payload);
                    if (fin) {
                        String text = message.toString(StandardCharsets.UTF_8);
                        message.reset();
                        if (text.equals(CLOSE_ME)) {
                            frame(out, 0x8, new byte[] {0x03, (byte) 0xE8}); // 1000, normal closure
                            return; // and the socket closes
                        }
                        frame(out, 0x1, (PREFIX + text).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    /** One unmasked server frame with the shortest length encoding (7 bit, 16 bit or 64 bit). */
    private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (((long) payload.length >>> shift) & 0xff));
            }
        }
        out.write(payload);
        out.flush();
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
