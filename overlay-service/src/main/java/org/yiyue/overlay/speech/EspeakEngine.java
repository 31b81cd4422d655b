package org.yiyue.overlay.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Mandarin through espeak-ng with voice {@code cmn-latn-pinyin}. Measured on this machine: that voice reads Chinese
 * characters as Mandarin (and Latin text as pinyin), while {@code -v cmn} turns the characters into pinyin with tone
 * digits and then reads those as English ("he two yuan two"); so Chinese text goes in unchanged, as UTF-8 on stdin
 * (never on the command line), and WAV comes back on stdout.
 */
public final class EspeakEngine implements SpeechEngine {

    static final String VOICE = "cmn-latn-pinyin";
    private static final int NORMAL_WPM = 175;

    private final String executable;

    public EspeakEngine(String executable) {
        this.executable = executable;
    }

    /** The first espeak-ng on the usual paths, or a name that is reported unavailable. */
    public static EspeakEngine find() {
        for (String p : List.of("/usr/bin/espeak-ng", "/usr/local/bin/espeak-ng", "/opt/homebrew/bin/espeak-ng")) {
            if (Files.isExecutable(Path.of(p))) {
                return new EspeakEngine(p);
            }
        }
        return new EspeakEngine("/usr/bin/espeak-ng");
    }

    @Override
    public String engine() {
        return "espeak-ng";
    }

    @Override
    public String voice() {
        return VOICE;
    }

    @Override
    public String lang() {
        return "zh-CN";
    }

    @Override
    public boolean available() {
        return Files.isExecutable(Path.of(executable));
    }

    @Override
    public Pcm speak(String sentence, double rate) {
        if (!available()) {
            throw new SpeechException("espeak-ng is not installed");
        }
        int wpm = (int) Math.round(NORMAL_WPM * rate);
        ProcessBuilder pb = new ProcessBuilder(executable, "-v", VOICE, "-s", String.valueOf(wpm), "-b", "1",
                "--stdin", "--stdout");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(sentence.getBytes(StandardCharsets.UTF_8));
                in.write('\n');
            }
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SpeechException("espeak-ng timed out");
            }
            if (p.exitValue() != 0) {
                throw new SpeechException("espeak-ng exited with " + p.exitValue());
            }
            return Pcm.fromWav(out.get(5, TimeUnit.SECONDS));
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new SpeechException("espeak-ng failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
