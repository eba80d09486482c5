package dev.camelvobiz.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The agent's recorded prompts (WAV files on the classpath; vobiz:play converts them to the call's format). */
public class Prompts {

    public byte[] greeting() {
        return load("prompts/greeting.wav");
    }

    public byte[] farewell() {
        return load("prompts/farewell.wav");
    }

    static byte[] load(String resource) {
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
