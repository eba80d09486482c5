package dev.camelvobiz.internal.observe;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Logs the mistakes of one peer (a stream's sender, or the clients of one HTTP route): one concise
 * WARN line each, escaped, up to {@value #BURST} in a row, then one per {@value #INTERVAL_SECONDS} s,
 * each saying how many were left out meanwhile. A peer's mistake is not our failure, so its stack
 * trace is for DEBUG only: a flood of junk costs a line every few seconds, not a stack trace a frame.
 */
public final class PeerMistakes {

    static final int BURST = 5;
    static final int INTERVAL_SECONDS = 10;
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS);

    private final Logger log;
    private double lines = BURST; // a token bucket: one line back per interval, at most BURST
    private long refilledNanos = System.nanoTime();
    private long notLogged;
    private long total;

    public PeerMistakes(Logger log) {
        this.log = log;
    }

    /** One mistake: {@code what} is our sentence, which may quote the peer (it is escaped here). */
    public void report(String what, Throwable detail) {
        String line;
        synchronized (this) {
            total++;
            long now = System.nanoTime();
            lines = Math.min(BURST, lines + (double) (now - refilledNanos) / INTERVAL_NANOS);
            refilledNanos = now;
            if (lines < 1) {
                notLogged++;
                line = null;
            } else {
                lines--;
                line = LogSafe.line(what) + (notLogged == 0 ? "" : " (" + notLogged + " more not logged before this)");
                notLogged = 0;
            }
        }
        if (line != null) {
            log.warn(line);
        }
        if (detail != null && log.isDebugEnabled()) {
            log.debug("Detail: " + LogSafe.line(what), detail);
        }
    }

    /** The peer is gone: says how many of its mistakes were not logged since the last line, if any. */
    public void summarise(String peer) {
        long left;
        long all;
        synchronized (this) {
            left = notLogged;
            all = total;
            notLogged = 0;
        }
        if (left > 0) {
            log.warn("{}: {} more mistakes not logged ({} in all)", LogSafe.line(peer), left, all);
        }
    }

    /** How many mistakes were reported. */
    public synchronized long total() {
        return total;
    }
}
