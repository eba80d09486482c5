package dev.camelvobiz.internal.forward;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * What this instance has for one other instance, sent in batches: an entry added while none is
 * waiting is sent at once (on a forwarding thread), and entries added while a send is under way go
 * together in the next message. A quiet outbox adds no delay; a busy one sends one transport message
 * for many commands (at media rates, 50 commands a second per call and an outcome for each, the
 * per-message cost of the broker dominates). Entries leave in the order they were added (batches are
 * drained and sent under one lock, and keyed by sender so a Kafka topic keeps them on one partition).
 */
final class Outbox {

    private static final int MAX_BATCH = 256;

    private record Queued(ObjectNode entry, Consumer<Exception> onFailure) {}

    private final CamelContext context;
    private final String from;
    private final String to;
    private final AsyncProducer producer;
    private final boolean kafka;
    private final Executor sender;
    private final Object sendOrder = new Object();
    private List<Queued> queued = new ArrayList<>();
    private boolean flushPending;

    Outbox(CamelContext context, String from, String to, AsyncProducer producer, Executor sender) {
        this.context = context;
        this.from = from;
        this.to = to;
        this.producer = producer;
        this.kafka = producer.getEndpoint().getEndpointUri().startsWith("kafka:");
        this.sender = sender;
    }

    /** Queues {@code entry}; {@code onFailure} hears if the transport refuses the message it goes in. */
    void add(ObjectNode entry, Consumer<Exception> onFailure) {
        boolean flushNow;
        synchronized (this) {
            queued.add(new Queued(entry, onFailure));
            flushNow = !flushPending || queued.size() >= MAX_BATCH;
            flushPending = true;
        }
        if (flushNow) {
            sender.execute(this::flush);
        }
    }

    /** Sends what is queued now (also when stopping). */
    void flush() {
        synchronized (sendOrder) {
            List<Queued> batch;
            synchronized (this) {
                batch = queued;
                queued = new ArrayList<>();
                flushPending = false;
            }
            if (batch.isEmpty()) {
                return;
            }
            List<ObjectNode> entries = new ArrayList<>(batch.size());
            batch.forEach(q -> entries.add(q.entry()));
            Exchange message = new DefaultExchange(context);
            message.getMessage().setBody(ForwardMessages.envelope(from, to, entries));
            if (kafka) {
                message.getMessage().setHeader("kafka.KEY", from);
            }
            try {
                producer.process(message, doneSync -> {
                    if (message.getException() != null) {
                        batch.forEach(q -> q.onFailure().accept(message.getException()));
                    }
                });
            } catch (RuntimeException e) {
                batch.forEach(q -> q.onFailure().accept(e));
            }
        }
    }

    AsyncProducer producer() {
        return producer;
    }
}
