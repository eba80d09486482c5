package dev.camelvobiz.audio;

import org.apache.camel.Converter;

/**
 * Audio bodies for routes: {@link AudioData} (audio that knows its format, e.g. a {@code media} body
 * with its {@code CamelVobizAudioFormat} header) becomes a playable WAV file with
 * {@code convertBodyTo(byte[].class)}, and a WAV file read from disk or HTTP becomes {@code AudioData}.
 */
@Converter(generateLoader = true)
public final class AudioConverters {

    private AudioConverters() {}

    /** A WAV file of the audio, in its own format. */
    @Converter
    public static byte[] toWav(AudioData audio) {
        return Wav.write(audio.audio(), audio.format());
    }

    /** Reads a WAV file (PCM 16-bit or μ-law); fails clearly on anything else. */
    @Converter
    public static AudioData fromWav(byte[] wav) {
        if (!Wav.isWav(wav)) {
            throw new IllegalArgumentException("Not a WAV file (" + wav.length + " bytes without a RIFF/WAVE header)");
        }
        return Wav.read(wav);
    }
}
