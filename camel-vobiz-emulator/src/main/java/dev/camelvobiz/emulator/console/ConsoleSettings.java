package dev.camelvobiz.emulator.console;

import java.util.Objects;

/**
 * How the console places calls and where it listens.
 *
 * @param answerUrl   the answer_url calls go to unless the page names another
 * @param host        the interface to listen on: loopback by default, the console places calls for
 *                    whoever can reach it
 * @param port        the port to listen on (0: any free port)
 * @param from        the caller's number
 * @param to          the number called
 * @param streamDtmf  keypad presses also go to open streams as {@code dtmf} events (Plivo's behaviour)
 */
public record ConsoleSettings(String answerUrl, String host, int port, String from, String to, boolean streamDtmf) {

    public static final int DEFAULT_PORT = 8090;

    public ConsoleSettings {
        Objects.requireNonNull(answerUrl, "answerUrl");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
    }

    /** Loopback on {@link #DEFAULT_PORT}, the emulator's usual numbers, no DTMF on streams. */
    public static ConsoleSettings of(String answerUrl) {
        return new ConsoleSettings(answerUrl, "127.0.0.1", DEFAULT_PORT, "918071387423", "918035739911", false);
    }

    public ConsoleSettings withPort(int newPort) {
        return new ConsoleSettings(answerUrl, host, newPort, from, to, streamDtmf);
    }

    public ConsoleSettings withHost(String newHost) {
        return new ConsoleSettings(answerUrl, newHost, port, from, to, streamDtmf);
    }

    public ConsoleSettings withNumbers(String newFrom, String newTo) {
        return new ConsoleSettings(answerUrl, host, port, newFrom, newTo, streamDtmf);
    }

    public ConsoleSettings withStreamDtmf(boolean enabled) {
        return new ConsoleSettings(answerUrl, host, port, from, to, enabled);
    }
}
