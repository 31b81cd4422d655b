package org.yiyue.overlay.speech;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import java.time.Duration;

import org.yiyue.overlay.cluster.LocalCache;
import org.yiyue.overlay.cluster.SharedCache;

/**
 * Text in, WAV out: picks the engine for the language, splits the text into sentences, synthesizes each, joins them
 * with a short pause, and caches the result by a hash of (engine, voice, rate, volume, text). The text itself is
 * never logged and never part of an error message.
 */
public final class SpeechService {

    public record Request(String text, String lang, double rate, double volume) {
    }

    public record Result(byte[] wav, boolean cached, String engine, String voice, int sentences) {
    }

    /** Why a request was refused; {@code status} is the HTTP status to answer with. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        public Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final SpeechEngine chinese;
    private final SpeechEngine english;
    private final int maxChars;
    private final SharedCache<Result> cache;

    public SpeechService(SpeechEngine chinese, SpeechEngine english, int maxChars, long cacheBytes) {
        this(chinese, english, maxChars, new LocalCache<>(cacheBytes, Duration.ofDays(1), SpeechService::weight));
    }

    /** With the audio cache given: in this JVM, or the cluster's ({@code GridCache} with {@link ResultCodec}). */
    public SpeechService(SpeechEngine chinese, SpeechEngine english, int maxChars, SharedCache<Result> cache) {
        this.chinese = chinese;
        this.english = english;
        this.maxChars = maxChars;
        this.cache = cache;
    }

    static int weight(Result r) {
        return r.wav().length + 128;
    }

    public List<SpeechEngine> engines() {
        return List.of(chinese, english);
    }

    public int maxChars() {
        return maxChars;
    }

    public Result speak(Request r) {
        if (r.text() == null || r.text().isBlank()) {
            throw new Refused(400, "text-missing", "缺少朗读文本 / text is required");
        }
        if (r.text().codePointCount(0, r.text().length()) > maxChars) {
            throw new Refused(413, "text-too-long", "文本过长，最多 " + maxChars + " 字 / text longer than "
                    + maxChars + " characters");
        }
        if (Double.isNaN(r.rate()) || r.rate() < 0.5 || r.rate() > 2.0) {
            throw new Refused(400, "bad-rate", "语速须在 0.5 到 2.0 之间 / rate must be 0.5 … 2.0");
        }
        if (Double.isNaN(r.volume()) || r.volume() < 0 || r.volume() > 1) {
            throw new Refused(400, "bad-volume", "音量须在 0 到 1 之间 / volume must be 0 … 1");
        }
        SpeechEngine engine = engineFor(r.lang());
        if (!engine.available()) {
            throw new Refused(503, "engine-unavailable", engine.engine() + " 未安装，请使用浏览器语音 / "
                    + engine.engine() + " is not installed on the server; use browser speech");
        }
        String key = hash(engine.engine() + "\n" + engine.voice() + "\n" + r.rate() + "\n" + r.volume() + "\n" + r.text());
        Result hit = cache.get(key);
        if (hit != null) {
            return new Result(hit.wav(), true, hit.engine(), hit.voice(), hit.sentences());
        }
        List<String> sentences = SentenceSplitter.split(r.text(), 200);
        if (sentences.isEmpty()) {
            throw new Refused(400, "text-empty", "文本中没有可朗读的内容 / nothing speakable in the text");
        }
        List<Pcm> clips = new ArrayList<>();
        for (String s : sentences) {
            clips.add(engine.speak(s, r.rate()));
        }
        byte[] wav = Pcm.join(clips, 0.25).withVolume(r.volume()).toWav();
        Result result = new Result(wav, false, engine.engine(), engine.voice(), sentences.size());
        cache.put(key, result);
        return result;
    }

    SpeechEngine engineFor(String lang) {
        String l = lang == null ? "zh" : lang.toLowerCase(Locale.ROOT);
        if (l.equals("zh") || l.startsWith("zh-") || l.equals("cmn") || l.startsWith("cmn-")) {
            return chinese;
        }
        if (l.equals("en") || l.startsWith("en-")) {
            return english;
        }
        throw new Refused(400, "lang-unsupported", "不支持的语言 / unsupported language: only zh and en");
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
