package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ScriptTagInjectorTest {

    private static final String TAG = "<script src=\"/a11y/toolbar.js\"></script>";

    @Test
    void insertsRightAfterHeadWithAttributes() {
        String page = "<!doctype html><HTML><Head lang=x>\n<title>t</title></head><body></body></HTML>";
        String out = new String(ScriptTagInjector.inject(page.getBytes(StandardCharsets.UTF_8), TAG), StandardCharsets.UTF_8);
        assertEquals("<!doctype html><HTML><Head lang=x>" + TAG + "\n<title>t</title></head><body></body></HTML>", out);
    }

    @Test
    void headerElementIsNotHead() {
        String page = "<body><header>页眉</header></body>";
        String out = new String(ScriptTagInjector.inject(page.getBytes(StandardCharsets.UTF_8), TAG), StandardCharsets.UTF_8);
        assertEquals(TAG + page, out);
    }

    @Test
    void gbkBytesAreUntouchedOutsideTheTag() {
        Charset gbk = Charset.forName("GB18030");
        byte[] page = "<html><head><meta charset=gb2312><title>河源市 办事指南 朱镕基</title></head></html>".getBytes(gbk);
        byte[] out = ScriptTagInjector.inject(page, TAG);
        int at = ScriptTagInjector.insertionOffset(page);
        byte[] without = new byte[page.length];
        System.arraycopy(out, 0, without, 0, at);
        System.arraycopy(out, at + TAG.length(), without, at, page.length - at);
        assertArrayEquals(page, without);
        assertEquals("<html><head>" + TAG + "<meta charset=gb2312><title>河源市 办事指南 朱镕基</title></head></html>",
                new String(out, gbk));
    }
}
