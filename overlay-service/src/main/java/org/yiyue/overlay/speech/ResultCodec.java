package org.yiyue.overlay.speech;

import java.io.IOException;

import org.yiyue.overlay.cluster.Bytes;
import org.yiyue.overlay.cluster.Codec;

/** Synthesized audio as bytes for the cluster's TTS cache (the text is not stored: the key is its hash). */
final class ResultCodec implements Codec<SpeechService.Result> {

    private static final int VERSION = 1;

    @Override
    public byte[] encode(SpeechService.Result r) {
        return Bytes.write(out -> {
            out.writeByte(VERSION);
            Bytes.string(out, r.engine());
            Bytes.string(out, r.voice());
            out.writeInt(r.sentences());
            Bytes.bytes(out, r.wav());
        });
    }

    @Override
    public SpeechService.Result decode(byte[] bytes) {
        return Bytes.read(bytes, in -> {
            if (in.readByte() != VERSION) {
                throw new IOException("unknown format version");
            }
            String engine = Bytes.string(in);
            String voice = Bytes.string(in);
            int sentences = in.readInt();
            return new SpeechService.Result(Bytes.bytes(in), false, engine, voice, sentences);
        });
    }
}
