package org.yiyue.overlay.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences for synthesis: after Chinese and Western sentence ends (。！？；…, and . ! ? ; followed
 * by white space or the end), at line breaks, and hard-wraps any sentence longer than {@code maxChars} at the last
 * comma or space before the limit. White space is collapsed; empty pieces are dropped.
 */
public final class SentenceSplitter {

    private SentenceSplitter() {
    }

    public static List<String> split(String text, int maxChars) {
        List<String> sentences = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String t = text.replace('\r', '\n');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                flush(cur, sentences, maxChars);
                continue;
            }
            cur.append(Character.isWhitespace(c) ? ' ' : c);
            boolean cjkEnd = c == '。' || c == '！' || c == '？' || c == '；' || c == '…';
            boolean latinEnd = (c == '.' || c == '!' || c == '?' || c == ';')
                    && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)));
            if (cjkEnd || latinEnd) {
                // keep closing quotes/brackets with the sentence they close
                while (i + 1 < t.length() && "”’」』）)\"'".indexOf(t.charAt(i + 1)) >= 0) {
                    cur.append(t.charAt(++i));
                }
                flush(cur, sentences, maxChars);
            }
        }
        flush(cur, sentences, maxChars);
        return sentences;
    }

    private static void flush(StringBuilder cur, List<String> out, int maxChars) {
        String s = cur.toString().replaceAll(" {2,}", " ").trim();
        cur.setLength(0);
        while (s.length() > maxChars) {
            int cut = lastBreak(s, maxChars);
            out.add(s.substring(0, cut).trim());
            s = s.substring(cut).trim();
        }
        if (!s.isEmpty() && s.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(s);
        }
    }

    private static int lastBreak(String s, int max) {
        for (int i = max; i > max / 2; i--) {
            char c = s.charAt(i - 1);
            if (c == '，' || c == ',' || c == '、' || c == ' ' || c == '：' || c == ':') {
                return i;
            }
        }
        return max;
    }
}
