package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The insertion point follows the HTML tokenizer: a "head" in a comment, script, attribute or title is not a tag. */
class DocumentStartTest {

    private static final String TAG = "<script src=\"/a11y/toolbar.js\"></script>";

    private static String inject(String page) {
        return new String(ScriptTagInjector.inject(page.getBytes(StandardCharsets.UTF_8), TAG), StandardCharsets.UTF_8);
    }

    @Test
    void headInsideACommentBeforeTheRealHeadIsSkipped() {
        String page = "<!doctype html><!-- old template: <head><title>x</title></head> --><html><head><title>t</title>";
        assertEquals(page.replace("<html><head>", "<html><head>" + TAG), inject(page));
    }

    @Test
    void headInsideAScriptStringIsSkipped() {
        // before the fix the tag landed inside the string and "</script>" ended the page's script early
        String page = "<script>var tpl = '<head><meta charset=utf-8></head>'; if (a<b) x();</script><html><head>"
                + "<title>t</title>";
        assertEquals(page.replace("<html><head>", "<html><head>" + TAG), inject(page));
    }

    @Test
    void escapedScriptDataAndQuotedAttributesAreRespected() {
        String page = "<html><script><!-- document.write('<script></script><head>'); --></script>"
                + "<meta content='a>b <head>'><style>/* <head> */</style><title><head></title><head class=\"h>\">";
        String out = inject(page);
        assertEquals(page + TAG, out);
    }

    @Test
    void cdataAndProcessingInstructionsAreBogusComments() {
        String page = "<?xml version=\"1.0\"?><![CDATA[ x ]]><html><head>";
        assertEquals(page + TAG, inject(page));
    }

    @Test
    void withoutHeadTheTagGoesAfterHtmlOrTheDoctypeNeverBeforeIt() {
        assertEquals("<!DOCTYPE html><html lang=zh>" + TAG + "<body>x", inject("<!DOCTYPE html><html lang=zh><body>x"));
        assertEquals("<!DOCTYPE html>" + TAG + "<title>x</title><p>y", inject("<!DOCTYPE html><title>x</title><p>y"));
    }

    @Test
    void headerAndHeadlineAreNotHead() {
        assertEquals("<html>" + TAG + "<body><header>x</header><head>",
                inject("<html><body><header>x</header><head>"));
    }

    @Test
    void utf8BomStaysFirst() {
        byte[] page = ("\uFEFF<html><head><title>中</title>").getBytes(StandardCharsets.UTF_8);
        byte[] out = ScriptTagInjector.inject(page, TAG);
        assertEquals((byte) 0xEF, out[0]);
        assertEquals("\uFEFF<html><head>" + TAG + "<title>中</title>", new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void utf16PagesGetTheTagInUtf16AfterTheBom() throws Exception {
        for (String cs : new String[] {"UTF-16LE", "UTF-16BE"}) {
            String text = "<html><head><meta charset=gb2312><title>河源</title></head><body>政务</body></html>";
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(cs.equals("UTF-16LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF});
            b.write(text.getBytes(cs));
            byte[] page = b.toByteArray();
            PageUnits units = PageUnits.of(page, "text/html; charset=gb2312");
            assertEquals(cs.equals("UTF-16LE") ? PageUnits.Family.UTF_16LE : PageUnits.Family.UTF_16BE, units.family());
            BodySniffer.Verdict v = BodySniffer.sniff(units);
            assertEquals(BodySniffer.Kind.DOCUMENT, v.kind());
            byte[] out = ScriptTagInjector.inject(units, v.start(), page, TAG);
            assertArrayEquals(java.util.Arrays.copyOf(page, 2), java.util.Arrays.copyOf(out, 2), "BOM first");
            assertEquals(text.replace("<head>", "<head>" + TAG), new String(out, 2, out.length - 2, cs));
        }
    }

    @Test
    void structureIsWhatMakesADocument() {
        assertTrue(DocumentStart.find("<!doctype html><p>x").structured());
        assertTrue(DocumentStart.find("\r\n<HTML><BODY>x").structured());
        assertFalse(DocumentStart.find("<div class=\"list\"><a href=\"/a\">a</a></div>").structured());
        assertFalse(DocumentStart.find("<!-- <html><head> --><tr><td>1</td></tr>").structured());
    }
}
