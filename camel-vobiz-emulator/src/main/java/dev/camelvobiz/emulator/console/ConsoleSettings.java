package dev.camelvobiz.emulator.console;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the console places calls and where it listens.
 *
 * @param answerUrl    the answer_url calls go to unless the page names another
 * @param host         the interface to listen on: loopback by default, the console places calls for
 *                     whoever can reach it
 * @param port         the port to listen on (0: any free port)
 * @param from         the caller's number
 * @param to           the number called
 * @param streamDtmf   keypad presses also go to open streams as {@code dtmf} events (Plivo's behaviour)
 * @param allowedHosts the host names the console trusts, lower case: the page must be served under one
 *                     (a Host or Origin naming another is refused, which defeats DNS rebinding), and the
 *                     page may place calls only to answer URLs on one (so the console is not a way to
 *                     send requests anywhere). Always holds the loopback names and the answer URL's host.
 */
public record ConsoleSettings(
        String answerUrl, String host, int port, String from, String to, boolean streamDtmf, Set<String> allowedHosts) {

    public static final int DEFAULT_PORT = 8090;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    public ConsoleSettings {
        Objects.requireNonNull(answerUrl, "answerUrl");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        Set<String> trusted = new TreeSet<>(LOOPBACK);
        String answerHost = URI.create(answerUrl.trim()).getHost();
        if (answerHost != null) {
            trusted.add(answerHost.toLowerCase(Locale.ROOT));
        }
        allowedHosts.forEach(name -> trusted.add(name.trim().toLowerCase(Locale.ROOT)));
        trusted.remove("");
        allowedHosts = Set.copyOf(trusted);
    }

    /** Loopback on {@link #DEFAULT_PORT}, the emulator's usual numbers, no DTMF on streams. */
    public static ConsoleSettings of(String answerUrl) {
        return new ConsoleSettings(
                answerUrl, "127.0.0.1", DEFAULT_PORT, "918071387423", "918035739911", false, Set.of());
    }

    public ConsoleSettings withPort(int newPort) {
        return new ConsoleSettings(answerUrl, host, newPort, from, to, streamDtmf, allowedHosts);
    }

    public ConsoleSettings withHost(String newHost) {
        return new ConsoleSettings(answerUrl, newHost, port, from, to, streamDtmf, allowedHosts);
    }

    public ConsoleSettings withNumbers(String newFrom, String newTo) {
        return new ConsoleSettings(answerUrl, host, port, newFrom, newTo, streamDtmf, allowedHosts);
    }

    public ConsoleSettings withStreamDtmf(boolean enabled) {
        return new ConsoleSettings(answerUrl, host, port, from, to, enabled, allowedHosts);
    }

    /** Trusts these host names too (how the console is reached from elsewhere, other apps to call). */
    public ConsoleSettings withAllowedHosts(Collection<String> more) {
        Set<String> all = new TreeSet<>(allowedHosts);
        all.addAll(more);
        return new ConsoleSettings(answerUrl, host, port, from, to, streamDtmf, all);
    }

    /** Whether a Host header ({@code name} or {@code name:port}) or a URL's host names a trusted host. */
    public boolean trusts(String hostOrAuthority) {
        if (hostOrAuthority == null) {
            return false;
        }
        String name = hostOrAuthority.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']')) {
            name = name.substring(0, colon);
        }
        return allowedHosts.contains(name);
    }
}
