package dev.camelvobiz.forward;

import static dev.camelvobiz.forward.ForwardMessages.ACCEPTED_TYPE;
import static dev.camelvobiz.forward.ForwardMessages.CALLS;
import static dev.camelvobiz.forward.ForwardMessages.COMMAND_TYPE;
import static dev.camelvobiz.forward.ForwardMessages.DEPARTED_TYPE;
import static dev.camelvobiz.forward.ForwardMessages.EXPECTED;
import static dev.camelvobiz.forward.ForwardMessages.FROM;
import static dev.camelvobiz.forward.ForwardMessages.ID;
import static dev.camelvobiz.forward.ForwardMessages.OUTCOME_TYPE;
import static dev.camelvobiz.forward.ForwardMessages.TO;
import static dev.camelvobiz.forward.ForwardMessages.TYPE;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.VobizEndpointKind;
import dev.camelvobiz.stream.CallSession;
import dev.camelvobiz.stream.StreamClosedException;
import dev.camelvobiz.stream.StreamCommand;
import dev.camelvobiz.stream.StreamRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries stream commands to the instance that holds the stream, and its outcome back, through a
 * transport the application already runs, named by a Camel endpoint URI with an {@code {instance}}
 * placeholder (e.g. {@code kafka:vobiz-commands-{instance}}): each instance consumes its own inbox
 * and sends to another's. A command is fire-once: it completes with the owner's outcome, or fails
 * with {@link InstanceUnavailableException} when no outcome comes within the timeout. An owner whose
 * command will take long (audio queued ahead, an awaited checkpoint) says so at once, which moves the
 * sender's deadline; an owner whose stream consumer stops tells the instances that sent it commands
 * which calls closed, so their commands fail at once instead of waiting out the timeout.
 */
public final class CommandForwarding extends ServiceSupport {

    /** The placeholder in the transport URI for the instance whose inbox it names. */
    public static final String INSTANCE_PLACEHOLDER = "{instance}";

    private static final Logger LOG = LoggerFactory.getLogger(CommandForwarding.class);
    private static final int DEPARTED_CALLS_CAPACITY = 4096;

    private final CamelContext context;
    private final String instanceId;
    private final String uriTemplate;
    private final long timeoutMillis;
    private final StreamRegistry streams;
    private final ScheduledExecutorService timer;
    private final Map<String, PendingForward> pending = new ConcurrentHashMap<>();
    private final Map<String, AsyncProducer> producers = new ConcurrentHashMap<>();
    private final Set<String> peers = ConcurrentHashMap.newKeySet();
    private final Map<String, String> departedCalls = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > DEPARTED_CALLS_CAPACITY;
        }
    };
    private final AtomicLong sequence = new AtomicLong();
    private ExecutorService completions;
    private org.apache.camel.Consumer inbox;

    /** A forwarded command waiting for its outcome. */
    private static final class PendingForward {
        final Exchange exchange;
        final AsyncCallback callback;
        final String owner;
        final String callKey;
        final String description;
        volatile ScheduledFuture<?> deadline;

        PendingForward(Exchange exchange, AsyncCallback callback, String owner, String callKey, String description) {
            this.exchange = exchange;
            this.callback = callback;
            this.owner = owner;
            this.callKey = callKey;
            this.description = description;
        }
    }

    public CommandForwarding(
            CamelContext context,
            String instanceId,
            String uriTemplate,
            long timeoutMillis,
            StreamRegistry streams,
            ScheduledExecutorService timer) {
        if (!uriTemplate.contains(INSTANCE_PLACEHOLDER)) {
            throw new IllegalArgumentException("forwardUri must name each instance's inbox with the placeholder "
                    + INSTANCE_PLACEHOLDER + ", e.g. kafka:vobiz-commands-" + INSTANCE_PLACEHOLDER + ": "
                    + URISupport.sanitizeUri(uriTemplate));
        }
        this.context = context;
        this.instanceId = instanceId;
        this.uriTemplate = uriTemplate;
        this.timeoutMillis = timeoutMillis;
        this.streams = streams;
        this.timer = timer;
    }

    public String instanceId() {
        return instanceId;
    }

    @Override
    protected void doStart() throws Exception {
        completions = context.getExecutorServiceManager().newFixedThreadPool(this, "VobizForwarding", 4);
        Endpoint endpoint = context.getEndpoint(uriFor(instanceId));
        inbox = endpoint.createConsumer(exchange -> received(exchange.getMessage()));
        ServiceHelper.startService(inbox);
        LOG.info("Instance {} takes forwarded stream commands from {}", instanceId, endpoint);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(inbox);
        for (String id : Set.copyOf(pending.keySet())) {
            fail(
                    id,
                    p -> new InstanceUnavailableException(
                            p.description + ": instance " + instanceId + " stopped before " + p.owner + " answered"));
        }
        // Outcomes of commands that ran here (streams close as the routes stop) still go to their senders.
        context.getExecutorServiceManager().shutdownGraceful(completions, 2000);
        ServiceHelper.stopService(producers.values());
        producers.clear();
    }

    /**
     * Sends {@code command} to {@code owner}; completes {@code exchange} with the owner's outcome.
     * Always asynchronous: the callback runs on a forwarding thread.
     */
    public boolean forward(
            String owner,
            StreamCommand command,
            String streamId,
            String callId,
            Exchange exchange,
            AsyncCallback callback) {
        String callKey = streamId != null ? "stream:" + streamId : "call:" + callId;
        String description = "Forwarded " + command.kind().uriName() + " for "
                + (streamId != null ? "stream " + streamId : "call " + callId) + " to instance " + owner;
        String departed = departed(callKey);
        if (departed != null) {
            exchange.setException(new StreamClosedException(departed));
            callback.done(true);
            return true;
        }
        String id = instanceId + "-" + sequence.incrementAndGet();
        Exchange message = new DefaultExchange(context);
        try {
            ForwardMessages.writeCommand(command, streamId, callId, exchange.getMessage(), message.getMessage());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        message.getMessage().setHeader(ID, id);
        PendingForward waiting = new PendingForward(exchange, callback, owner, callKey, description);
        pending.put(id, waiting);
        waiting.deadline = timer.schedule(() -> expire(id), timeoutMillis, TimeUnit.MILLISECONDS);
        send(
                owner,
                streamId != null ? streamId : callId,
                message,
                failure -> fail(
                        id,
                        p -> new InstanceUnavailableException(
                                p.description + ": the transport refused it: " + failure, failure)));
        return false;
    }

    /** Tells the instances that sent this one commands that these calls are gone (their consumer is stopping). */
    public void departing(Collection<CallSession> sessions) {
        if (sessions.isEmpty() || peers.isEmpty()) {
            return;
        }
        StringBuilder calls = new StringBuilder();
        for (CallSession session : sessions) {
            calls.append(calls.isEmpty() ? "" : ",").append("stream:").append(session.streamId());
            if (session.callId() != null) {
                calls.append(",call:").append(session.callId());
            }
        }
        for (String peer : peers) {
            Exchange notice = new DefaultExchange(context);
            notice.getMessage().setHeader(TYPE, DEPARTED_TYPE);
            notice.getMessage().setHeader(CALLS, calls.toString());
            notice.getMessage().setBody("");
            send(
                    peer,
                    instanceId,
                    notice,
                    failure -> LOG.warn(
                            "Could not tell instance {} that the calls of {} are closing: {}",
                            peer,
                            instanceId,
                            failure.toString()));
        }
    }

    /** Everything that arrives in this instance's inbox. Runs on the transport's consumer thread: never blocks. */
    private void received(Message message) {
        String to = message.getHeader(TO, String.class);
        if (!instanceId.equals(to)) {
            LOG.warn("Ignored a message addressed to instance {} in the inbox of {}", to, instanceId);
            return;
        }
        String type = message.getHeader(TYPE, String.class);
        String from = message.getHeader(FROM, String.class);
        String id = message.getHeader(ID, String.class);
        if (type == null || from == null) {
            LOG.warn("Ignored a message without {} or {} in the inbox of {}", TYPE, FROM, instanceId);
            return;
        }
        switch (type) {
            case COMMAND_TYPE -> run(from, id, message);
            case ACCEPTED_TYPE -> extend(id, message.getHeader(EXPECTED, Long.class));
            case OUTCOME_TYPE -> complete(id, from, message);
            case DEPARTED_TYPE -> departed(from, message.getHeader(CALLS, String.class));
            default -> LOG.warn("Ignored a message of unknown type '{}' from instance {}", type, from);
        }
    }

    /** Runs a command forwarded to this instance and reports its outcome to the sender. */
    private void run(String from, String id, Message message) {
        peers.add(from);
        Exchange local = new DefaultExchange(context);
        StreamCommand command;
        CallSession session;
        try {
            command = new StreamCommand(
                    VobizEndpointKind.fromUri(message.getHeader(ForwardMessages.COMMAND, String.class)),
                    null,
                    millis(message, ForwardMessages.AWAIT),
                    millis(message, ForwardMessages.AFTER_PLAYED),
                    null);
            ForwardMessages.readCommand(message, local.getMessage());
            String streamId = local.getMessage().getHeader(VobizConstants.STREAM_ID, String.class);
            String callId = local.getMessage().getHeader(VobizConstants.CALL_ID, String.class);
            session = streams.find(streamId, callId);
            if (session == null) {
                local.setException(streams.whyNotLive(streamId, callId));
            }
        } catch (RuntimeException e) {
            local.setException(new IllegalArgumentException("Malformed forwarded command: " + e.getMessage(), e));
            command = null;
            session = null;
        }
        if (session == null) {
            reply(from, id, local);
            return;
        }
        boolean done = command.execute(session, local, doneSync -> reply(from, id, local));
        long expected = session.queuedMillis() + command.waitMillis();
        if (!done && expected > timeoutMillis / 2) {
            Exchange accepted = new DefaultExchange(context);
            accepted.getMessage().setHeader(TYPE, ACCEPTED_TYPE);
            accepted.getMessage().setHeader(ID, id);
            accepted.getMessage().setHeader(EXPECTED, Long.toString(expected));
            accepted.getMessage().setBody("");
            completions.execute(() -> send(from, id, accepted, failure -> {}));
        }
    }

    private void reply(String to, String id, Exchange done) {
        completions.execute(() -> {
            Exchange outcome = new DefaultExchange(context);
            ForwardMessages.writeOutcome(done, outcome.getMessage());
            outcome.getMessage().setHeader(ID, id);
            send(
                    to,
                    id,
                    outcome,
                    failure -> LOG.warn(
                            "Could not report the outcome of forwarded command {} to instance {}: {}",
                            id,
                            to,
                            failure.toString()));
        });
    }

    /** The owner expects a long command: wait for it that long, plus the usual timeout. */
    private void extend(String id, Long expectedMillis) {
        PendingForward waiting = id == null ? null : pending.get(id);
        if (waiting == null || expectedMillis == null) {
            return;
        }
        ScheduledFuture<?> old = waiting.deadline;
        waiting.deadline = timer.schedule(() -> expire(id), expectedMillis + timeoutMillis, TimeUnit.MILLISECONDS);
        old.cancel(false);
    }

    private void complete(String id, String owner, Message outcome) {
        PendingForward waiting = id == null ? null : pending.remove(id);
        if (waiting == null) {
            LOG.debug("Outcome {} from {} came after its sender stopped waiting", id, owner);
            return;
        }
        waiting.deadline.cancel(false);
        try {
            ForwardMessages.readOutcome(outcome, waiting.exchange, owner);
        } catch (RuntimeException e) {
            waiting.exchange.setException(e);
        }
        completions.execute(() -> waiting.callback.done(false));
    }

    private void departed(String owner, String calls) {
        if (calls == null) {
            return;
        }
        String description = "closed: its instance " + owner + " stopped";
        Set<String> keys = Set.of(calls.split(","));
        synchronized (departedCalls) {
            keys.forEach(key -> departedCalls.put(key, key.replace(':', ' ') + " " + description));
        }
        for (Map.Entry<String, PendingForward> entry : pending.entrySet()) {
            if (keys.contains(entry.getValue().callKey)) {
                fail(entry.getKey(), p -> new StreamClosedException(p.description + " failed: " + description));
            }
        }
    }

    private String departed(String callKey) {
        synchronized (departedCalls) {
            return departedCalls.get(callKey);
        }
    }

    private void expire(String id) {
        fail(
                id,
                p -> new InstanceUnavailableException(p.description + " got no answer in time (forwardTimeout "
                        + timeoutMillis + " ms): the instance may have stopped, or the transport is down"));
    }

    private void fail(String id, Function<PendingForward, Exception> failure) {
        PendingForward waiting = pending.remove(id);
        if (waiting == null) {
            return;
        }
        waiting.deadline.cancel(false);
        waiting.exchange.setException(failure.apply(waiting));
        completions.execute(() -> waiting.callback.done(false));
    }

    /** Sends {@code message} to {@code instance}'s inbox, keyed so one call's messages stay in order. */
    private void send(String instance, String key, Exchange message, Consumer<Exception> onFailure) {
        Message out = message.getMessage();
        out.setHeader(TO, instance);
        out.setHeader(FROM, instanceId);
        String uri = uriFor(instance);
        if (uri.startsWith("kafka:")) {
            out.setHeader("kafka.KEY", key);
        }
        try {
            AsyncProducer producer = producers.computeIfAbsent(uri, this::startProducer);
            producer.process(message, doneSync -> {
                if (message.getException() != null) {
                    onFailure.accept(message.getException());
                }
            });
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    private AsyncProducer startProducer(String uri) {
        try {
            AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
            ServiceHelper.startService(producer);
            return producer;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + URISupport.sanitizeUri(uri) + ": " + e.getMessage(), e);
        }
    }

    private String uriFor(String instance) {
        return uriTemplate.replace(INSTANCE_PLACEHOLDER, instance);
    }

    private static long millis(Message message, String header) {
        Long value = message.getHeader(header, Long.class);
        return value == null ? 0 : value;
    }
}
