package dev.camelvobiz.internal.forward;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelvobiz.stream.InstanceUnavailableException;
import dev.camelvobiz.stream.StreamClosedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender's side of forwarding: the commands this instance forwarded and waits on, each with its
 * deadline, completed by the owner's outcome or failed (no answer in time, the transport refused it,
 * the call's instance stopped); and the calls other instances said are gone, so that commands for them
 * fail at once. Callbacks run on the forwarding threads, never on the transport's consumer thread.
 */
final class AwaitedOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(AwaitedOutcomes.class);

    /** A forwarded command waiting for its outcome. */
    static final class Awaited {
        final Exchange exchange;
        final AsyncCallback callback;
        final String owner;
        final String callKey;
        final String description;
        /** System.nanoTime() after which the sender stops waiting. */
        volatile long deadlineNanos;

        Awaited(Exchange exchange, AsyncCallback callback, String owner, String callKey, String description) {
            this.exchange = exchange;
            this.callback = callback;
            this.owner = owner;
            this.callKey = callKey;
            this.description = description;
        }
    }

    private final long timeoutMillis;
    private final Executor completions;
    private final Map<String, Awaited> awaited = new ConcurrentHashMap<>();
    private final RecentCalls<String> departedCalls = new RecentCalls<>();

    AwaitedOutcomes(long timeoutMillis, Executor completions) {
        this.timeoutMillis = timeoutMillis;
        this.completions = completions;
    }

    /** Waits for the outcome of command {@code id}, at most the forward timeout unless the owner extends it. */
    void await(String id, Awaited command) {
        command.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        awaited.put(id, command);
    }

    /** Why a call is known gone from {@code owner} (its stream consumer stopped), or null. */
    String departed(String owner, String callKey) {
        return departedCalls.get(owner + "/" + callKey);
    }

    /** The owner expects a long command: wait for it that long, plus the usual timeout. */
    void extend(String id, long expectedMillis) {
        Awaited command = id == null ? null : awaited.get(id);
        if (command != null) {
            command.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(expectedMillis + timeoutMillis);
        }
    }

    void complete(String id, String owner, JsonNode outcome) {
        Awaited command = id == null ? null : awaited.remove(id);
        if (command == null) {
            LOG.debug("Outcome {} from {} came after its sender stopped waiting", id, owner);
            return;
        }
        try {
            ForwardMessages.readOutcome(outcome, command.exchange, owner);
        } catch (RuntimeException e) {
            command.exchange.setException(e);
        }
        completions.execute(() -> command.callback.done(false));
    }

    /** {@code owner} stopped holding these calls: fail what waits on them, and what comes for them later. */
    void departed(String owner, List<String> calls) {
        String description = "closed: its instance " + owner + " stopped";
        Set<String> keys = Set.copyOf(calls);
        // Per owner: a call Vobiz reconnects to another instance is live there, under the same call id.
        keys.forEach(key -> departedCalls.put(owner + "/" + key, key.replace(':', ' ') + " " + description));
        for (Map.Entry<String, Awaited> entry : awaited.entrySet()) {
            Awaited command = entry.getValue();
            if (command.owner.equals(owner) && keys.contains(command.callKey)) {
                fail(entry.getKey(), c -> new StreamClosedException(c.description + " failed: " + description));
            }
        }
    }

    /** Fails every command past its deadline (called every few tens of milliseconds). */
    void expireOverdue() {
        long now = System.nanoTime();
        for (Map.Entry<String, Awaited> entry : awaited.entrySet()) {
            if (now - entry.getValue().deadlineNanos > 0) {
                fail(
                        entry.getKey(),
                        c -> new InstanceUnavailableException(c.description + " got no answer in time (forwardTimeout "
                                + timeoutMillis + " ms): the instance may have stopped, or the transport is down"));
            }
        }
    }

    void failAll(Function<Awaited, Exception> failure) {
        for (String id : Set.copyOf(awaited.keySet())) {
            fail(id, failure);
        }
    }

    void fail(String id, Function<Awaited, Exception> failure) {
        Awaited command = awaited.remove(id);
        if (command != null) {
            command.exchange.setException(failure.apply(command));
            completions.execute(() -> command.callback.done(false));
        }
    }
}
