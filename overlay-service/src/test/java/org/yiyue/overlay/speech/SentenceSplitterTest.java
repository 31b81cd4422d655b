package org.yiyue.overlay.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void chineseAndEnglishSentenceEnds() {
        assertEquals(List.of("河源市人民政府欢迎您。", "请问需要办理什么业务？", "好的！"),
                SentenceSplitter.split("河源市人民政府欢迎您。请问需要办理什么业务？好的！", 200));
        assertEquals(List.of("Welcome to Heyuan.", "Version 2.5 is out!", "OK"),
                SentenceSplitter.split("Welcome to Heyuan. Version 2.5 is out!\n\nOK", 200));
    }

    @Test
    void closingQuotesStayAndPunctuationOnlyPiecesDrop() {
        assertEquals(List.of("他说：“办好了。”", "谢谢。"), SentenceSplitter.split("他说：“办好了。”谢谢。 。。", 200));
    }

    @Test
    void longSentencesAreWrappedAtACommaBeforeTheLimit() {
        String s = "第一部分内容比较长，第二部分内容也比较长，第三部分。";
        List<String> parts = SentenceSplitter.split(s, 12);
        assertTrue(parts.size() >= 3, parts.toString());
        assertTrue(parts.stream().allMatch(p -> p.length() <= 12), parts.toString());
        assertEquals(s, String.join("", parts));
    }
}
