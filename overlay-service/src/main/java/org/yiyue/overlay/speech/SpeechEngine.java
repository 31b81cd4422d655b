package org.yiyue.overlay.speech;

/** One offline speech engine with one voice. */
public interface SpeechEngine {

    /** Engine name, e.g. {@code espeak-ng}. */
    String engine();

    /** Voice name, e.g. {@code cmn-latn-pinyin}. */
    String voice();

    /** BCP 47 language this voice speaks, e.g. {@code zh-CN}. */
    String lang();

    boolean available();

    /**
     * @param rate 1.0 = normal speed (0.5 … 2.0)
     * @throws SpeechException when the engine fails or is missing
     */
    Pcm speak(String sentence, double rate);

    /** The engine failed or is not installed; the message never contains the text being spoken. */
    final class SpeechException extends RuntimeException {
        public SpeechException(String message) {
            super(message);
        }
    }
}
