package org.yiyue.overlay.speech;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** 16-bit signed little-endian mono PCM at one sample rate, and the WAV container around it. */
public record Pcm(int sampleRate, byte[] samples) {

    public double seconds() {
        return samples.length / 2.0 / sampleRate;
    }

    /** Joins sentence clips with a short pause between them; all must share one sample rate. */
    public static Pcm join(List<Pcm> clips, double pauseSeconds) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        int rate = clips.get(0).sampleRate();
        int pause = (int) (rate * pauseSeconds) * 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < clips.size(); i++) {
            if (clips.get(i).sampleRate() != rate) {
                throw new IllegalArgumentException("clips have different sample rates");
            }
            if (i > 0) {
                out.write(new byte[pause], 0, pause);
            }
            out.write(clips.get(i).samples(), 0, clips.get(i).samples().length);
        }
        return new Pcm(rate, out.toByteArray());
    }

    /** Scales every sample by volume (0..1). */
    public Pcm withVolume(double volume) {
        if (volume >= 0.999) {
            return this;
        }
        byte[] out = samples.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 1 < out.length; i += 2) {
            b.putShort(i, (short) Math.round(b.getShort(i) * volume));
        }
        return new Pcm(sampleRate, out);
    }

    public byte[] toWav() {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples.length)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples.length)
                .put(samples);
        return b.array();
    }

    /**
     * Reads a 16-bit mono PCM WAV. Tolerates the streaming header espeak-ng writes to stdout (data size
     * 0x7ffff000): the data chunk then simply runs to the end of the bytes.
     */
    public static Pcm fromWav(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 44 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException("not a RIFF/WAVE stream");
        }
        int pos = 12;
        int rate = 0;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x20746d66) { // "fmt "
                int format = b.getShort(pos + 8);
                int channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
                int bits = b.getShort(pos + 22);
                if (format != 1 || channels != 1 || bits != 16) {
                    throw new IllegalArgumentException("expected 16-bit mono PCM, got format " + format + ", "
                            + channels + " channels, " + bits + " bits");
                }
            } else if (id == 0x61746164) { // "data"
                int start = pos + 8;
                int end = size < 0 || start + (long) size > wav.length ? wav.length : start + size;
                byte[] data = new byte[(end - start) & ~1];
                System.arraycopy(wav, start, data, 0, data.length);
                if (rate == 0) {
                    throw new IllegalArgumentException("data chunk before fmt chunk");
                }
                return new Pcm(rate, data);
            }
            pos += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("no data chunk");
    }
}
