package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageInputTest {

    private static final Charset GB = Charset.forName("GB18030");

    @Test
    void declaredGb2312IsDecodedAsGb18030() {
        // 镕 is in GBK/GB18030 but not in GB2312: decoding as GB2312 would garble it
        byte[] bytes = "<meta charset=gb2312><title>朱镕基</title>".getBytes(GB);
        assertEquals(GB, PageInput.detect(bytes, null));
        assertTrue(new String(bytes, PageInput.detect(bytes, null)).contains("朱镕基"));
    }

    @Test
    void httpEquivContentTypeDeclaration() {
        byte[] bytes = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">".getBytes(GB);
        assertEquals(GB, PageInput.detect(bytes, null));
    }

    @Test
    void headerBeatsMeta() {
        byte[] bytes = "<meta charset=gbk>".getBytes(StandardCharsets.US_ASCII);
        assertEquals(StandardCharsets.UTF_8, PageInput.detect(bytes, "text/html; charset=UTF-8"));
    }

    @Test
    void undeclaredBytesFallBackToGb18030WhenNotUtf8() {
        assertEquals(GB, PageInput.detect("<p>办事指南</p>".getBytes(GB), null));
        assertEquals(StandardCharsets.UTF_8, PageInput.detect("<p>办事指南</p>".getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void bomWins() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>'};
        assertEquals(StandardCharsets.UTF_8, PageInput.detect(bom, "text/html; charset=gbk"));
    }

    @Test
    void fileIsReadWithDetectedCharset(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("gbk.html");
        Files.write(f, "<html><head><meta charset=gbk><title>河源市人民政府</title></head></html>".getBytes(GB));
        PageInput.Loaded l = PageInput.read(f.toString(), null);
        assertTrue(l.html().contains("河源市人民政府"));
        assertEquals("GB18030", l.charset());
    }

    @Test
    void missingFileAndBadUrlGiveClearErrors() {
        IOException e = assertThrows(IOException.class, () -> PageInput.read("/no/such/file.html", null));
        assertTrue(e.getMessage().contains("/no/such/file.html"));
        assertThrows(IOException.class, () -> PageInput.read("http://exa mple.org/", null));
    }

    @Test
    void urlIsFetchedFromALoopbackServerWithHeaderCharset() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gbk", x -> {
            byte[] body = "<title>河源市政务服务网</title>".getBytes(GB);
            x.getResponseHeaders().add("Content-Type", "text/html; charset=GBK");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/missing", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            PageInput.Loaded l = PageInput.read(base + "/gbk", null);
            assertTrue(l.html().contains("河源市政务服务网"), l.html());
            assertEquals("GB18030", l.charset());
            IOException e = assertThrows(IOException.class, () -> PageInput.read(base + "/missing", null));
            assertTrue(e.getMessage().contains("404"));
        } finally {
            server.stop(0);
        }
    }
}
