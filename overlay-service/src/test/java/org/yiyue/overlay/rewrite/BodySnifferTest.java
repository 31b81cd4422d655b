package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.yiyue.overlay.site.Site;

/** Bodies served as text/html that are not documents come back unchanged (the old rewriter prepended the tag). */
class BodySnifferTest {

    private static BodySniffer.Kind kind(String body) {
        return BodySniffer.sniff(PageUnits.of(body.getBytes(StandardCharsets.UTF_8), "text/html")).kind();
    }

    @Test
    void jsonJsonpScriptAndFragmentsAreNotDocuments() {
        assertEquals(BodySniffer.Kind.JSON, kind("{\"code\":0,\"html\":\"<html><head></head></html>\"}"));
        assertEquals(BodySniffer.Kind.JSON, kind("\r\n  [1,2,3]"));
        assertEquals(BodySniffer.Kind.JSON, kind(")]}',\n{\"a\":1}"));
        assertEquals(BodySniffer.Kind.SCRIPT, kind("jQuery18305_1700000000({\"html\":\"<html><head>\"})"));
        assertEquals(BodySniffer.Kind.SCRIPT, kind("/**/cb({\"a\":1});"));
        assertEquals(BodySniffer.Kind.SCRIPT, kind("var data = '<html><head></head>';"));
        assertEquals(BodySniffer.Kind.SCRIPT, kind("document.write('<html><head>');"));
        assertEquals(BodySniffer.Kind.SCRIPT, kind("window.location.href = '/login';"));
        assertEquals(BodySniffer.Kind.FRAGMENT, kind("<li><a href=\"/news/1.html\">通知公告</a></li>"));
        assertEquals(BodySniffer.Kind.FRAGMENT, kind("操作成功"));
        assertEquals(BodySniffer.Kind.EMPTY, kind(" \r\n"));
        assertEquals(BodySniffer.Kind.DOCUMENT, kind("\uFEFF\r\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">"));
        assertEquals(BodySniffer.Kind.DOCUMENT, kind("Warning: session_start() failed\n<html><head>"));
    }

    @Test
    void theRewriterLeavesNonDocumentsByteIdentical() {
        Site site = Site.of("lab", "实验", URI.create("http://127.0.0.1:1"), "/s/lab");
        HtmlRewriter.Toolbar toolbar = new HtmlRewriter.Toolbar("/a11y/toolbar.js?v=1", Optional.empty());
        for (String body : List.of("{\"url\":\"http://127.0.0.1:1/a\",\"list\":[]}", "cb({\"a\":\"<head>\"})",
                "<tr><td><a href=\"/x\">x</a></td></tr>")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HtmlRewriter.Output out = HtmlRewriter.rewrite(new HtmlRewriter.Input(site, "/ajax", "text/html;charset=utf-8",
                    bytes, List.of(), List.of(new LinkRewriter.OriginMapping("127.0.0.1:1", "/s/lab")), toolbar, "n"));
            assertFalse(out.injected(), body);
            assertArrayEquals(bytes, out.page(), body);
        }
        HtmlRewriter.Output doc = HtmlRewriter.rewrite(new HtmlRewriter.Input(site, "/", "text/html",
                "<html><head></head></html>".getBytes(StandardCharsets.UTF_8), List.of(), List.of(), toolbar, "n"));
        assertTrue(doc.injected());
    }
}
