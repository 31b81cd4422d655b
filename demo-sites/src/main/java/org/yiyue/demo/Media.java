package org.yiyue.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sites' media files under {@code /media/}: quiet chimes synthesised here as 16-bit PCM WAV when the class
 * loads (no binary in git, no external tool), so that pages with autoplaying {@code <audio>} and {@code <video>}
 * really play sound in a browser. Served with byte ranges (206), as browsers fetch media that way.
 */
final class Media {

    static final int SAMPLE_RATE = 8000;
    /** Peak amplitude as a share of full scale: about -26 dBFS, a quiet tone. */
    private static final double LEVEL = 0.05;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** The files: name → WAV bytes. Both last 8 s (more than the 3 s WCAG 1.4.2 allows without a control). */
    private static final Map<String, byte[]> FILES = Map.of(
            "welcome.wav", chime(8.0, 523.25, 659.25),
            "heyuan.wav", chime(8.0, 392.00, 493.88));

    private Media() {
    }

    static boolean handles(String path) {
        return path.startsWith("/media/");
    }

    /** The file for a GET or HEAD, honouring a single {@code Range: bytes=…}; empty when there is no such file. */
    static Optional<Reply> serve(String path, Optional<String> range) {
        byte[] wav = FILES.get(path.substring("/media/".length()));
        if (wav == null) {
            return Optional.empty();
        }
        Optional<long[]> span = range.flatMap(r -> span(r, wav.length));
        if (range.isPresent() && RANGE.matcher(range.get().strip()).matches() && span.isEmpty()) {
            return Optional.of(Reply.plain(416, "range not satisfiable").header("Content-Range", "bytes */" + wav.length));
        }
        Reply reply;
        if (span.isPresent()) {
            int from = (int) span.get()[0];
            int to = (int) span.get()[1];
            byte[] part = java.util.Arrays.copyOfRange(wav, from, to + 1);
            reply = Reply.bytes(206, "audio/wav", part).header("Content-Range", "bytes " + from + "-" + to + "/" + wav.length);
        } else {
            reply = Reply.bytes(200, "audio/wav", wav);
        }
        return Optional.of(reply.header("Accept-Ranges", "bytes").header("Cache-Control", "max-age=3600"));
    }

    /** [first, last] byte of a single range, or empty when the header is not one satisfiable byte range. */
    static Optional<long[]> span(String header, long length) {
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty()) || length == 0) {
            return Optional.empty();
        }
        try {
            long first;
            long last;
            if (m.group(1).isEmpty()) { // suffix range: the last n bytes
                long n = Long.parseLong(m.group(2));
                if (n == 0) {
                    return Optional.empty();
                }
                first = Math.max(0, length - n);
                last = length - 1;
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
            }
            return first <= last && first < length ? Optional.of(new long[] {first, last}) : Optional.empty();
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    /** Two notes alternating every half second, each faded in and out so that it does not click. */
    static byte[] chime(double seconds, double lowHz, double highHz) {
        int samples = (int) (seconds * SAMPLE_RATE);
        int note = SAMPLE_RATE / 2;
        int fade = SAMPLE_RATE / 50;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            double hz = (i / note) % 2 == 0 ? lowHz : highHz;
            int inNote = i % note;
            double envelope = Math.min(1.0, Math.min(inNote, note - 1 - inNote) / (double) fade);
            double v = LEVEL * envelope * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE);
            pcm.putShort((short) Math.round(v * Short.MAX_VALUE));
        }
        return wav(pcm.array(), SAMPLE_RATE);
    }

    /** A RIFF/WAVE file around mono 16-bit little-endian PCM. */
    static byte[] wav(byte[] pcm, int sampleRate) {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
        b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(sampleRate)
                .putInt(sampleRate * 2) // byte rate
                .putShort((short) 2) // block align
                .putShort((short) 16); // bits per sample
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
        return b.array();
    }
}
