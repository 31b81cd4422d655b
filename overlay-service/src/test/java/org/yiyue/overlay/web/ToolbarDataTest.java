package org.yiyue.overlay.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ToolbarDataTest {

    @Test
    void readsTheDataFilesShippedWithTheToolbar() {
        String pinyin = new String(ToolbarData.read("pinyin.js").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(pinyin.length() > 100, pinyin);
        assertTrue(ToolbarData.read("trad.js").isPresent());
        assertTrue(new String(ToolbarData.read("reader.js").orElseThrow(), StandardCharsets.US_ASCII).contains("buildReader"),
                "the reader view part");
    }

    @Test
    void refusesAnythingButAPlainName() {
        assertTrue(ToolbarData.read("../toolbar.js").isEmpty());
        assertTrue(ToolbarData.read("..%2Ftoolbar.js").isEmpty());
        assertTrue(ToolbarData.read("/etc/passwd").isEmpty());
        assertTrue(ToolbarData.read("pinyin.json").isEmpty());
        assertTrue(ToolbarData.read(null).isEmpty());
        assertTrue(ToolbarData.read("missing.js").isEmpty());
    }
}
