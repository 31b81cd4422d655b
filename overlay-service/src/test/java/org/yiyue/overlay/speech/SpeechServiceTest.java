package org.yiyue.overlay.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpeechServiceTest {

    /** An engine that emits 100 samples per character, so lengths are predictable. */
    static final class CountingEngine implements SpeechEngine {
        final List<String> spoken = new ArrayList<>();
        final boolean available;

        CountingEngine(boolean available) {
            this.available = available;
        }

        public String engine() {
            return "fake";
        }

        public String voice() {
            return "v";
        }

        public String lang() {
            return "zh-CN";
        }

        public boolean available() {
            return available;
        }

        public Pcm speak(String sentence, double rate) {
            spoken.add(sentence);
            byte[] b = new byte[sentence.length() * 200];
            for (int i = 0; i < b.length; i += 2) {
                b[i] = 100;
            }
            return new Pcm(8000, b);
        }
    }

    @Test
    void sentencesAreSpokenJoinedAndCachedByContent() {
        CountingEngine zh = new CountingEngine(true);
        SpeechService s = new SpeechService(zh, new CountingEngine(true), 100, 1 << 20);
        SpeechService.Result first = s.speak(new SpeechService.Request("你好。欢迎。", "zh-CN", 1.0, 1.0));
        assertFalse(first.cached());
        assertEquals(List.of("你好。", "欢迎。"), zh.spoken);
        Pcm pcm = Pcm.fromWav(first.wav());
        assertEquals(8000, pcm.sampleRate());
        assertEquals(3 * 200 * 2 + 2 * 2000, pcm.samples().length, "two clips and one 0.25 s pause");
        SpeechService.Result again = s.speak(new SpeechService.Request("你好。欢迎。", "zh", 1.0, 1.0));
        assertTrue(again.cached());
        assertEquals(2, zh.spoken.size(), "served from cache, engine not called");
        assertFalse(s.speak(new SpeechService.Request("你好。欢迎。", "zh", 1.5, 1.0)).cached(), "rate is part of the key");
    }

    @Test
    void limitsAndErrors() {
        SpeechService s = new SpeechService(new CountingEngine(false), new CountingEngine(true), 10, 1 << 20);
        assertEquals(413, assertThrows(SpeechService.Refused.class,
                () -> s.speak(new SpeechService.Request("一二三四五六七八九十十一", "en", 1, 1))).status());
        assertEquals(503, assertThrows(SpeechService.Refused.class,
                () -> s.speak(new SpeechService.Request("你好", "zh-CN", 1, 1))).status());
        assertEquals(400, assertThrows(SpeechService.Refused.class,
                () -> s.speak(new SpeechService.Request("bonjour", "fr", 1, 1))).status());
        assertEquals(400, assertThrows(SpeechService.Refused.class,
                () -> s.speak(new SpeechService.Request("hi", "en", 9, 1))).status());
        assertEquals(400, assertThrows(SpeechService.Refused.class,
                () -> s.speak(new SpeechService.Request(" ", "en", 1, 1))).status());
    }

    @Test
    void volumeScalesSamples() {
        Pcm p = new Pcm(8000, new byte[] {100, 0, -100, -1}).withVolume(0.5);
        assertEquals(50, p.samples()[0]);
    }

    @Test
    void rateLimiterRefillsOverTime() {
        RateLimiter r = new RateLimiter(2, 60);
        assertTrue(r.tryAcquire("a", 0));
        assertTrue(r.tryAcquire("a", 0));
        assertFalse(r.tryAcquire("a", 0));
        assertTrue(r.tryAcquire("b", 0), "clients have their own buckets");
        assertTrue(r.tryAcquire("a", 1_000_000_000L), "one token back after one second at 60/min");
    }

    @Test
    void espeakStreamingWavHeaderIsRead() {
        byte[] wav = new Pcm(22050, new byte[] {1, 2, 3, 4}).toWav();
        java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7ffff000);
        assertEquals(4, Pcm.fromWav(wav).samples().length);
    }
}
