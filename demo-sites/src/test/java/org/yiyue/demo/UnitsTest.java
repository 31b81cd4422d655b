package org.yiyue.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Focused checks of the small pieces: path guard, byte edits, form decoding, ID numbers, JSON. */
class UnitsTest {

    @Test
    void pathGuard() {
        assertEquals(Optional.of("/guide/g001.html"), PathGuard.clean("/guide/g001.html"));
        assertEquals(Optional.of("/m/"), PathGuard.clean("/m/"));
        assertEquals(Optional.of("/"), PathGuard.clean("/"));
        for (String bad : List.of("", "x", "/../a", "/a/..", "/a/./b", "/a//b", "/%2e%2e/a", "/%2F", "/a%5cb", "/a%00",
                "/a%zz", "/%c0%ae", "/a\\b", "/c:/x", "/%252e")) {
            assertTrue(PathGuard.clean(bad).isEmpty(), bad);
        }
        assertEquals(Optional.of("/中文.html"), PathGuard.clean("/%E4%B8%AD%E6%96%87.html"));
    }

    @Test
    void insertAfterHead() {
        byte[] tag = "<s>".getBytes(StandardCharsets.US_ASCII);
        assertEquals("<html><HEAD lang=x><s><title>", ascii(Bytes.insertAfterHead(ascii("<html><HEAD lang=x><title>"), tag)));
        assertEquals("<header></header><head><s>", ascii(Bytes.insertAfterHead(ascii("<header></header><head>"), tag)));
        assertEquals("<html><s><body>", ascii(Bytes.insertAfterHead(ascii("<html><body>"), tag)));
        assertEquals("<s>text", ascii(Bytes.insertAfterHead(ascii("text"), tag)));
        assertArrayEquals(ascii("a-X-b-X"), Bytes.replaceAll(ascii("a-{{ORIGIN}}-b-{{ORIGIN}}"), SiteServer.ORIGIN_PLACEHOLDER, ascii("X")));
    }

    @Test
    void formDecoding() {
        assertEquals("居住 证", Forms.parseUrlEncoded("q=%E5%B1%85%E4%BD%8F+%E8%AF%81").get("q"));
        assertEquals("居住", Forms.parseUrlEncoded("q=%BE%D3%D7%A1").get("q"), "GBK fallback");
        assertEquals("first", Forms.parseUrlEncoded("a=first&a=second&b").get("a"));
        assertEquals("", Forms.parseUrlEncoded("a=first&a=second&b").get("b"));
        assertEquals("100%", Forms.parseUrlEncoded("p=100%").get("p"), "stray percent kept");
    }

    @Test
    void multipart() {
        String body = "--B\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n河源\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + "%PDF\r\n--Bx\r\n--B--\r\n";
        List<Forms.Part> parts = Forms.parseMultipart("multipart/form-data; boundary=B", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, parts.size());
        assertEquals("河源", parts.get(0).text());
        assertEquals("a.pdf", parts.get(1).filename());
        assertEquals("%PDF\r\n--Bx", parts.get(1).text(), "a look-alike boundary inside content is content");
        assertThrows(IllegalArgumentException.class, () -> Forms.parseMultipart("text/plain", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Forms.parseMultipart("multipart/form-data", new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Forms.parseMultipart("multipart/form-data; boundary=B", "--B\r\nnoheaders".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void idNumbers() {
        assertTrue(YthRoutes.validIdNumber("441602195003071236"));
        assertTrue(YthRoutes.validIdNumber("441622198511120048"));
        assertFalse(YthRoutes.validIdNumber("441602195003071235"), "wrong check digit");
        assertFalse(YthRoutes.validIdNumber("441602195002301236"), "no 30 February");
        assertFalse(YthRoutes.validIdNumber("44160219500307123"), "17 characters");
        assertFalse(YthRoutes.validIdNumber(null));
    }

    @Test
    void json() {
        Object o = Json.parse("{\"a\":[1,2.5,\"x\\u4e2d\\n\",true,null],\"b\":{}}");
        assertEquals("{a=[1, 2.5, x中\n, true, null], b={}}", o.toString());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
