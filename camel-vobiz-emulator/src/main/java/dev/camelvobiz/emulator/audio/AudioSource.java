package dev.camelvobiz.emulator.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the caller says: audio that the emulator streams to the app as {@code media}, rendered at the
 * stream's rate. When it runs out the caller is silent (the stream goes on, as on a real call).
 */
@FunctionalInterface
public interface AudioSource {

    Pcm render(int sampleRate);

    static AudioSource silence() {
        return rate -> new Pcm(new short[0], rate);
    }

    static AudioSource tone(int hertz, long millis) {
        return rate -> Pcm.tone(hertz, rate, millis);
    }

    static AudioSource of(Pcm pcm) {
        return pcm::resample;
    }

    static AudioSource wav(Path file) {
        try {
            return of(Wav.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read caller audio " + file, e);
        }
    }

    /** Headerless audio in a wire format, e.g. {@code audio/x-mulaw;rate=8000} (L16 read little-endian). */
    static AudioSource raw(Path file, String contentType) {
        try {
            byte[] audio = Files.readAllBytes(file);
            return of(WireFormat.parse(contentType, ByteOrder.LITTLE_ENDIAN).decode(audio));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read caller audio " + file, e);
        }
    }

    /**
     * Parses the command-line form: a {@code .wav} path, {@code raw:<contentType>:<path>},
     * {@code tone:<hz>[:<millis>]} or {@code silence}.
     */
    static AudioSource parse(String spec) {
        if (spec.equals("silence")) {
            return silence();
        }
        if (spec.startsWith("tone:")) {
            String[] parts = spec.split(":");
            return tone(Integer.parseInt(parts[1]), parts.length > 2 ? Long.parseLong(parts[2]) : 2000);
        }
        if (spec.startsWith("raw:")) {
            int pathStart = spec.indexOf(':', 4);
            return raw(Path.of(spec.substring(pathStart + 1)), spec.substring(4, pathStart));
        }
        return wav(Path.of(spec));
    }
}
