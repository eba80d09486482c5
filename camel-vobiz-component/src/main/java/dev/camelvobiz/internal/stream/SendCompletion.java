package dev.camelvobiz.internal.stream;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * Completes one producer exchange when all frames of its command are written. The sender holds one
 * extra count until it has released its write lock, so Camel's callback never runs under that lock:
 * if every frame was written inline the sender completes synchronously ({@code done(true)}), otherwise
 * the exchange continues where the stream's continuations say ({@code done(false)}).
 */
final class SendCompletion implements WriteCallback {

    private final AtomicInteger outstanding;
    private final Exchange exchange;
    private final AsyncCallback callback;
    private final Function<Throwable, RuntimeException> failureMapper;
    private final Playout.Continuations continuations;
    private volatile Throwable failure;
    private final AtomicInteger discarded = new AtomicInteger();

    SendCompletion(
            int frames,
            Exchange exchange,
            AsyncCallback callback,
            Function<Throwable, RuntimeException> failureMapper,
            Playout.Continuations continuations) {
        this.outstanding = new AtomicInteger(frames + 1);
        this.exchange = exchange;
        this.callback = callback;
        this.failureMapper = failureMapper;
        this.continuations = continuations;
    }

    @Override
    public void succeeded() {
        if (outstanding.decrementAndGet() == 0) {
            complete(false);
        }
    }

    @Override
    public void failed(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        succeeded();
    }

    /** A frame dropped unsent (a clear came first): counts as done, and is reported on the exchange. */
    void discarded() {
        discarded.incrementAndGet();
        succeeded();
    }

    /** Called once by the sender after queuing every frame; returns the async "done synchronously" flag. */
    boolean senderReleased() {
        if (outstanding.decrementAndGet() == 0) {
            complete(true);
            return true;
        }
        return false;
    }

    private void complete(boolean doneSync) {
        if (discarded.get() > 0) {
            exchange.getMessage().setHeader(dev.camelvobiz.VobizConstants.DISCARDED_FRAMES, discarded.get());
        }
        Throwable cause = failure;
        if (cause != null) {
            exchange.setException(failureMapper.apply(cause));
        }
        if (doneSync) {
            callback.done(true);
        } else {
            continuations.resume(exchange, () -> callback.done(false));
        }
    }
}
