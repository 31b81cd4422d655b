package org.yiyue.overlay.speech;

import java.io.ByteArrayOutputStream;

import javax.sound.sampled.AudioFormat;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;

/**
 * English through embedded FreeTTS, voice kevin16 (16 kHz). FreeTTS voices are not thread-safe: one voice, one
 * synthesis at a time. It drops Chinese silently, so it is only ever asked for English.
 */
public final class FreeTtsEngine implements SpeechEngine {

    private static final float NORMAL_WPM = 150f;

    private Voice voice;
    private boolean failed;

    @Override
    public String engine() {
        return "freetts";
    }

    @Override
    public String voice() {
        return "kevin16";
    }

    @Override
    public String lang() {
        return "en-US";
    }

    @Override
    public synchronized boolean available() {
        return load() != null;
    }

    private synchronized Voice load() {
        if (voice == null && !failed) {
            try {
                for (Voice v : new KevinVoiceDirectory().getVoices()) {
                    if ("kevin16".equals(v.getName())) {
                        v.allocate();
                        voice = v;
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                failed = true;
            }
            failed |= voice == null;
        }
        return voice;
    }

    @Override
    public synchronized Pcm speak(String sentence, double rate) {
        Voice v = load();
        if (v == null) {
            throw new SpeechException("FreeTTS kevin16 could not be loaded");
        }
        Capture capture = new Capture();
        v.setAudioPlayer(capture);
        v.setRate((float) (NORMAL_WPM * rate));
        v.speak(sentence);
        AudioFormat f = capture.format;
        int rateHz = f == null ? 16000 : (int) f.getSampleRate();
        byte[] samples = capture.bytes.toByteArray();
        if (f != null && f.isBigEndian()) {
            for (int i = 0; i + 1 < samples.length; i += 2) {
                byte t = samples[i];
                samples[i] = samples[i + 1];
                samples[i + 1] = t;
            }
        }
        return new Pcm(rateHz, samples);
    }

    /** An AudioPlayer that keeps the samples instead of playing them. */
    private static final class Capture implements AudioPlayer {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AudioFormat format;
        float volume = 1f;

        public void setAudioFormat(AudioFormat format) {
            this.format = format;
        }

        public AudioFormat getAudioFormat() {
            return format;
        }

        public void pause() {
        }

        public void resume() {
        }

        public void reset() {
        }

        public boolean drain() {
            return true;
        }

        public void begin(int size) {
        }

        public boolean end() {
            return true;
        }

        public void cancel() {
        }

        public void close() {
        }

        public float getVolume() {
            return volume;
        }

        public void setVolume(float volume) {
            this.volume = volume;
        }

        public long getTime() {
            return 0;
        }

        public void resetTime() {
        }

        public void startFirstSampleTimer() {
        }

        public boolean write(byte[] audioData) {
            return write(audioData, 0, audioData.length);
        }

        public boolean write(byte[] audioData, int offset, int size) {
            bytes.write(audioData, offset, size);
            return true;
        }

        public void showMetrics() {
        }
    }
}
