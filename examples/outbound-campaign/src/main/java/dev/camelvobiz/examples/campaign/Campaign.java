package dev.camelvobiz.examples.campaign;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The campaign's state between the requests, the answers and the hang-ups of its calls: its lines (at
 * most {@code lines} calls up at once; a line is taken before a call is placed and given back when its
 * hang-up arrives or placing it failed) and which request each placed call came from, by the
 * {@code request_uuid} Vobiz answered and sends back on the call's answer and hang-up. Those can arrive
 * before the placing route has noted the id (a busy number hangs up at once), so each is looked up as a
 * future the placing route completes.
 */
public final class Campaign {

    private final Semaphore lines;
    private final long lineWaitMillis;
    private final Map<String, CompletableFuture<CallRequest>> placed = new ConcurrentHashMap<>();
    private final Map<String, String> heard = new ConcurrentHashMap<>();

    public Campaign(int lines, long lineWaitMillis) {
        this.lines = new Semaphore(lines, true);
        this.lineWaitMillis = lineWaitMillis;
    }

    /** Waits for a free line (back-pressure on the requests topic), or gives up after the line wait. */
    public void takeLine() throws InterruptedException {
        if (!lines.tryAcquire(lineWaitMillis, TimeUnit.MILLISECONDS)) {
            throw new NoFreeLine("no line came free within " + lineWaitMillis + " ms");
        }
    }

    public void releaseLine() {
        lines.release();
    }

    /** Notes which request the call with {@code requestUuid} was placed for. */
    public void placed(String requestUuid, CallRequest request) {
        future(requestUuid).complete(request);
    }

    /** The request a call was placed for, waiting up to {@code millis} for the placing route to note it. */
    public CallRequest requestOf(String requestUuid, long millis) throws InterruptedException {
        try {
            return future(requestUuid).get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null; // not a call of this campaign (or of this instance)
        }
    }

    /** Notes what the callee of {@code requestUuid} is told when they answer. */
    public void told(String requestUuid, String script) {
        heard.put(requestUuid, script);
    }

    /** The call is over: forget it and give its line back; returns what its callee heard ("" if nothing). */
    public String ended(String requestUuid) {
        placed.remove(requestUuid);
        releaseLine();
        String said = heard.remove(requestUuid);
        return said == null ? "" : said;
    }

    private CompletableFuture<CallRequest> future(String requestUuid) {
        return placed.computeIfAbsent(requestUuid, id -> new CompletableFuture<>());
    }
}
