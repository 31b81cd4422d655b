package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/**
 * The caption panel's 拼音 and 繁體 tables, generated at build time from npm's pinyin-pro and opencc-js
 * (src/build/caption-data.mjs): every GB 2312 level-1 hanzi has a reading, the word table holds the polyphone
 * readings the toolbar looks up by word, and each optional file's size is printed.
 */
class CaptionDataTest {

    static final Path DATA = Path.of(System.getProperty("yiyue.a11y.dir", "target/classes/META-INF/resources/a11y"), "data");

    /** The first two '…' string arguments of the generated file (characters, words); ASCII with \\uXXXX escapes. */
    static List<String> arguments(Path file) throws IOException {
        String js = Files.readString(file);
        Matcher m = Pattern.compile("\\}\\)\\('([^']*)'(?:, '([^']*)')?\\);").matcher(js);
        assertTrue(m.find(), file + " has its data arguments");
        List<String> out = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) out.add(unescape(m.group(g) == null ? "" : m.group(g)));
        return out;
    }

    static String unescape(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        m.appendTail(b);
        return b.toString();
    }

    /** GB 2312 level 1: rows 0xB0-0xD7, cells 0xA1-0xFE (0xD7FA-0xD7FE unassigned). */
    static List<String> level1() {
        Charset gb = Charset.forName("GB2312");
        List<String> out = new ArrayList<>();
        for (int row = 0xB0; row <= 0xD7; row++) {
            for (int cell = 0xA1; cell <= 0xFE; cell++) {
                String s = new String(new byte[] {(byte) row, (byte) cell}, gb);
                if (s.length() == 1 && Character.UnicodeScript.of(s.charAt(0)) == Character.UnicodeScript.HAN) out.add(s);
            }
        }
        return out;
    }

    @Test
    void everyLevel1HanziHasAReadingAndThePolyphoneWordsAreInTheTable() throws IOException {
        List<String> args = arguments(DATA.resolve("pinyin.js"));
        Map<String, String> chars = new HashMap<>();
        for (String p : args.get(0).split(" ")) if (!p.isEmpty()) chars.put(p.substring(0, 1), p.substring(1));
        Map<String, String> words = new HashMap<>();
        for (String p : args.get(1).split(" ")) {
            Matcher m = Pattern.compile("^([\\u3400-\\u9fff]+)(.*)$").matcher(p);
            if (m.find()) words.put(m.group(1), m.group(2).replace('_', ' '));
        }
        List<String> level1 = level1();
        assertEquals(3755, level1.size(), "GB 2312 level 1");
        List<String> missing = level1.stream().filter(c -> chars.getOrDefault(c, "").isBlank()).toList();
        assertEquals(List.of(), missing, "level-1 hanzi without 拼音");
        // read as the toolbar reads: the word if the table has it, else character by character
        Map<String, String> expected = Map.of("银行", "yín háng", "行走", "xíng zǒu", "重要", "zhòng yào", "重新", "chóng xīn",
                "长大", "zhǎng dà", "长度", "cháng dù");
        expected.forEach((w, reading) -> assertEquals(reading,
                words.getOrDefault(w, chars.get(w.substring(0, 1)) + " " + chars.get(w.substring(1))), w));
        System.out.printf("[caption data] pinyin: %d hanzi, %d words; level 1: %d of %d covered%n", chars.size(), words.size(),
                level1.size() - missing.size(), level1.size());
    }

    @Test
    void traditionalTableAndOptionalFileSizes() throws IOException {
        String pairs = arguments(DATA.resolve("trad.js")).get(0);
        Map<Character, Character> trad = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length(); i += 2) trad.put(pairs.charAt(i), pairs.charAt(i + 1));
        assertTrue(trad.size() > 2000, "繁體 pairs: " + trad.size());
        for (String[] p : new String[][] {{"开", "開"}, {"门", "門"}, {"龙", "龍"}, {"务", "務"}}) {
            assertEquals(p[1].charAt(0), trad.get(p[0].charAt(0)), p[0]);
        }
        for (String f : List.of("pinyin.js", "trad.js", "reader.js")) {
            byte[] raw = Files.readAllBytes(DATA.resolve(f));
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(raw);
            }
            System.out.printf("[caption data] data/%s %,d B (gzip %,d B), loaded on first use%n", f, raw.length, gz.size());
        }
    }
}
