package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yiyue.testkit.SharedFolder;

/** The browser's order (BOM, header, 1024-byte meta prescan), then detection when a page declares nothing. */
class PageCharsetTest {

    private static final Charset GB = Charset.forName("GB18030");

    @Test
    void bomBeatsTheHeaderAndTheMeta() {
        byte[] le = {(byte) 0xFF, (byte) 0xFE, '<', 0};
        assertEquals(StandardCharsets.UTF_16LE, PageCharset.of("text/html; charset=gb2312", le));
        byte[] be = {(byte) 0xFE, (byte) 0xFF, 0, '<'};
        assertEquals(StandardCharsets.UTF_16BE, PageCharset.of("text/html", be));
    }

    @Test
    void metaIsOnlyLookedForInTheFirst1024Bytes() {
        String late = "<html><head>" + "<!-- padding -->".repeat(80) + "<meta charset=gb2312>";
        byte[] page = (late + "<p>abc</p>").getBytes(StandardCharsets.US_ASCII);
        assertEquals(StandardCharsets.UTF_8, PageCharset.of("text/html", page), "past 1024 bytes: not a declaration");
        assertEquals(GB, PageCharset.of("text/html", "<meta charset=gbk>".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void gbkWithoutAnyDeclarationIsDetected() {
        String text = "<html><head><title>深圳市龙岗区住房与建设局行政服务大厅--办事指南</title></head><body>"
                + "<table><tr><td>办理依据</td><td>《中华人民共和国建筑法》第七条、《建设工程质量管理条例》</td></tr>"
                + "<tr><td>申请材料</td><td>建设工程规划许可证、施工图设计文件审查合格书、朱镕基</td></tr></table></body></html>";
        byte[] page = text.getBytes(GB);
        Charset cs = PageCharset.of("text/html", page);
        assertEquals(GB, cs);
        assertEquals(text, new String(page, cs));
    }

    /** Measures the detector on the real pages: every page's bytes, declarations ignored, against the manifest. */
    @Test
    void detectorAgreesWithTheCorpusManifest() throws Exception {
        Path corpus = SharedFolder.require("corpus/real-pages");
        List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
        int pages = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            byte[] bytes = Files.readAllBytes(corpus.resolve(f[0] + ".html"));
            String expected = f[4].startsWith("GBK") ? "GB18030" : "UTF-8";
            String detected = PageCharset.detect(bytes);
            System.out.printf("charset %-28s manifest %-36s detected %s%n", f[0], f[4], detected);
            assertEquals(expected, detected, f[0]);
            String decoded = new String(bytes, Charset.forName(detected));
            assertEquals(0, decoded.chars().filter(c -> c == 0xFFFD).count(), f[0] + ": no U+FFFD");
            pages++;
        }
        assertTrue(pages >= 10, "pages measured: " + pages);
    }
}
