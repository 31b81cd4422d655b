package org.yiyue.audit.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CharsetSnifferTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void gb2312DeclaredPageWithGbkOnlyCharactersDecodesAsGb18030() {
        // 堃 and 镕 are not in GB2312 but are in GBK: a strict GB2312 decoder garbles them
        String text = "<html><head><meta charset=\"gb2312\"><title>堃华社区 朱镕基</title></head></html>";
        byte[] bytes = text.getBytes(Charset.forName("GBK"));
        Charset cs = CharsetSniffer.detect(bytes, "text/html");
        assertEquals(GB18030, cs);
        assertTrue(CharsetSniffer.decode(bytes, cs).contains("堃华社区 朱镕基"));
    }

    @Test
    void headerBeatsMetaAndBomBeatsBoth() {
        byte[] meta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">".getBytes(StandardCharsets.US_ASCII);
        assertEquals(GB18030, CharsetSniffer.detect(meta, "text/html"));
        assertEquals(StandardCharsets.UTF_8, CharsetSniffer.detect(meta, "text/html; charset=UTF-8"));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'};
        assertEquals(StandardCharsets.UTF_8, CharsetSniffer.detect(bom, "text/html; charset=gbk"));
        assertEquals("x", CharsetSniffer.decode(bom, StandardCharsets.UTF_8));
    }

    @Test
    void noCharsetAnywhereIsUtf8AndBadBytesNeverThrow() {
        byte[] bad = {'<', 'p', '>', (byte) 0xFF, (byte) 0xFE, (byte) 0xC3};
        Charset cs = CharsetSniffer.detect(bad, null);
        assertEquals(StandardCharsets.UTF_8, cs);
        assertTrue(CharsetSniffer.decode(bad, cs).contains("\uFFFD"));
        assertEquals(StandardCharsets.UTF_8, CharsetSniffer.detect("<meta charset=nonsense-cs>".getBytes(StandardCharsets.US_ASCII), null));
    }
}
