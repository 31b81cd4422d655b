package org.yiyue.overlay.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResponseHeadTest {

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsStatusAndHeadersAndLeavesTheFramesAfterTheHeadUnread() throws IOException {
        InputStream in = bytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nconnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: abc=\r\nX-A: 1\r\nx-a: 2\r\n\r\n\u0081\u0002hi");
        ResponseHead head = ResponseHead.read(in, 4096);
        assertEquals(101, head.status());
        assertEquals("Upgrade", head.headers().firstValue("Connection").orElseThrow());
        assertEquals(List.of("1", "2"), head.headers().allValues("X-A"));
        assertArrayEquals(new byte[] {(byte) 0x81, 2, 'h', 'i'}, in.readAllBytes(), "a frame sent with the 101");
    }

    @Test
    void acceptsBareLineFeeds() throws IOException {
        assertEquals(400, ResponseHead.read(bytes("HTTP/1.0 400 Bad\nContent-Length: 0\n\n"), 4096).status());
    }

    @Test
    void refusesWhatIsNotAnHttpHead() {
        assertThrows(IOException.class, () -> ResponseHead.read(bytes("SSH-2.0-OpenSSH\r\n\r\n"), 4096));
        assertThrows(IOException.class, () -> ResponseHead.read(bytes("HTTP/1.1 200 OK\r\nno colon\r\n\r\n"), 4096));
        assertThrows(IOException.class, () -> ResponseHead.read(bytes("HTTP/1.1 200 OK\r\nA: b\r\n"), 4096),
                "closed before the blank line");
        assertThrows(IOException.class, () -> ResponseHead.read(
                bytes("HTTP/1.1 200 OK\r\nA: " + "x".repeat(5000) + "\r\n\r\n"), 4096), "over the size bound");
    }

    @Test
    void chunkedRefusalBodiesAreDecodedWithinTheirLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // sizes count UTF-8 bytes: 不 is 3, 接受 is 6
        ChunkedBody.read(new ByteArrayInputStream("3;ext=1\r\n不\r\n6\r\n接受\r\n0\r\nX-T: y\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8)), out, 100);
        assertEquals("不接受", out.toString(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> ChunkedBody.read(bytes("ff\r\n" + "a".repeat(255) + "\r\n0\r\n\r\n"),
                new ByteArrayOutputStream(), 100));
        assertThrows(IOException.class, () -> ChunkedBody.read(bytes("zz\r\n"), new ByteArrayOutputStream(), 100));
    }
}
