package dev.camelvobiz.internal.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.internal.stream.CallSession;
import dev.camelvobiz.internal.stream.StreamCommand;
import dev.camelvobiz.internal.stream.StreamRegistry;
import dev.camelvobiz.stream.InstanceUnavailableException;
import dev.camelvobiz.stream.StreamClosedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * which calls closed (and any other that sends one for those calls later, with its first outcome), so
 * their commands fail at once instead of waiting out the timeout. This class
 * holds the inbox, the outboxes and the owner's side (running what others forwarded here);
 * {@link AwaitedOutcomes} holds the sender's side.
 */
public final class CommandForwarding extends ServiceSupport {

    /** The placeholder in the transport URI for the instance whose inbox it names. */
    public static final String INSTANCE_PLACEHOLDER = "{instance}";

    private static final Logger LOG = LoggerFactory.getLogger(CommandForwarding.class);
    private static final long SWEEP_MILLIS = 100;

    private final CamelContext context;
    private final String instanceId;
    private final String uriTemplate;
    private final long timeoutMillis;
    private final StreamRegistry streams;
    private final ScheduledExecutorService timer;
    private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();
    private final Set<String> peers = ConcurrentHashMap.newKeySet();
    /** The keys of each call this instance announced departed, under each of them. */
    private final RecentCalls<List<String>> departedHere = new RecentCalls<>();

    private final AtomicLong sequence = new AtomicLong();
    private ExecutorService completions;
    private AwaitedOutcomes outcomes;
    private ScheduledFuture<?> sweeper;
    private org.apache.camel.Consumer inbox;

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
        outcomes = new AwaitedOutcomes(timeoutMillis, completions);
        // One sweep for every deadline: a timer task per command would be thousands of tasks at media rates.
        sweeper = timer.scheduleWithFixedDelay(
                outcomes::expireOverdue, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        Endpoint endpoint = context.getEndpoint(uriFor(instanceId));
        inbox = endpoint.createConsumer(exchange -> received(exchange.getMessage()));
        ServiceHelper.startService(inbox);
        LOG.info(
                "Instance {} takes forwarded stream commands from {}",
                instanceId,
                URISupport.sanitizeUri(endpoint.getEndpointUri()));
    }

    @Override
    protected void doStop() throws Exception {
        sweeper.cancel(false);
        ServiceHelper.stopService(inbox);
        outcomes.failAll(c -> new InstanceUnavailableException(
                c.description + ": instance " + instanceId + " stopped before " + c.owner + " answered"));
        // Outcomes of commands that ran here (streams close as the routes stop) still go to their senders.
        outboxes.values().forEach(Outbox::flush);
        context.getExecutorServiceManager().shutdownGraceful(completions, 2000);
        outboxes.values().forEach(Outbox::flush);
        outboxes.values().forEach(outbox -> ServiceHelper.stopService(outbox.producer()));
        outboxes.clear();
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
        String departed = outcomes.departed(owner, callKey);
        if (departed != null) {
            exchange.setException(new StreamClosedException(departed));
            callback.done(true);
            return true;
        }
        String id = instanceId + "-" + sequence.incrementAndGet();
        ObjectNode entry;
        Outbox outbox;
        try {
            entry = ForwardMessages.command(id, command, streamId, callId, exchange.getMessage());
            outbox = outbox(owner);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        outcomes.await(id, new AwaitedOutcomes.Awaited(exchange, callback, owner, callKey, description));
        outbox.add(
                entry,
                failure -> outcomes.fail(
                        id,
                        c -> new InstanceUnavailableException(
                                c.description + ": the transport refused it: " + failure, failure)));
        return false;
    }

    /** Tells the instances that sent this one commands that these calls are gone (their consumer is stopping). */
    public void departing(Collection<CallSession> sessions) {
        List<String> calls = new ArrayList<>();
        for (CallSession session : sessions) {
            List<String> keys = session.callId() == null
                    ? List.of("stream:" + session.streamId())
                    : List.of("stream:" + session.streamId(), "call:" + session.callId());
            keys.forEach(key -> departedHere.put(key, keys));
            calls.addAll(keys);
        }
        if (!calls.isEmpty()) {
            peers.forEach(peer -> tellDeparted(peer, calls));
        }
    }

    private void tellDeparted(String peer, List<String> calls) {
        Outbox outbox = outbox(peer);
        outbox.add(
                ForwardMessages.departed(calls),
                failure -> LOG.warn(
                        "Could not tell instance {} that the calls of {} are closing: {}",
                        peer,
                        instanceId,
                        failure.toString()));
        outbox.flush();
    }

    /** Everything that arrives in this instance's inbox. Runs on the transport's consumer thread: never blocks. */
    private void received(Message message) {
        ForwardMessages.Envelope envelope;
        try {
            envelope = ForwardMessages.read(message.getBody(String.class));
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "Ignored a message in the inbox of instance {} that is not a forwarding envelope: {}",
                    instanceId,
                    e.getMessage());
            return;
        }
        if (!instanceId.equals(envelope.to())) {
            LOG.debug("Ignored a message for instance {} in the inbox of {}", envelope.to(), instanceId);
            return;
        }
        for (JsonNode entry : envelope.entries()) {
            String id = ForwardMessages.id(entry);
            switch (ForwardMessages.type(entry)) {
                case ForwardMessages.COMMAND -> run(envelope.from(), id, entry);
                case ForwardMessages.ACCEPTED ->
                    outcomes.extend(id, entry.path("expected").asLong(0));
                case ForwardMessages.OUTCOME -> outcomes.complete(id, envelope.from(), entry);
                case ForwardMessages.DEPARTED ->
                    outcomes.departed(envelope.from(), ForwardMessages.departedCalls(entry));
                default ->
                    LOG.warn(
                            "Ignored an entry of unknown type '{}' from instance {}",
                            ForwardMessages.type(entry),
                            envelope.from());
            }
        }
    }

    /** Runs a command forwarded to this instance and reports its outcome to the sender. */
    private void run(String from, String id, JsonNode entry) {
        peers.add(from);
        Exchange local = new DefaultExchange(context);
        StreamCommand command = null;
        CallSession session = null;
        List<String> departedKeys = null;
        try {
            command = ForwardMessages.commandOf(entry);
            ForwardMessages.readCommand(entry, local.getMessage());
            String streamId = local.getMessage().getHeader(VobizConstants.STREAM_ID, String.class);
            String callId = local.getMessage().getHeader(VobizConstants.CALL_ID, String.class);
            session = streams.find(streamId, callId);
            if (session == null) {
                local.setException(streams.whyNotLive(streamId, callId));
                departedKeys = departedHere.get(streamId != null ? "stream:" + streamId : "call:" + callId);
            }
        } catch (Exception e) {
            local.setException(new IllegalArgumentException("Malformed forwarded command: " + e.getMessage(), e));
            session = null;
        }
        if (session == null) {
            reply(from, id, local);
            if (departedKeys != null) {
                // A sender whose command was on its way when the call departed was not among the peers
                // told then: tell it now, behind this outcome, so its next commands for the call fail at once.
                tellDeparted(from, departedKeys);
            }
            return;
        }
        boolean done = command.execute(session, local, doneSync -> reply(from, id, local));
        long expected = session.queuedMillis() + command.waitMillis();
        if (!done && expected > timeoutMillis / 2) {
            outbox(from).add(ForwardMessages.accepted(id, expected), failure -> {});
        }
    }

    private void reply(String to, String id, Exchange done) {
        outbox(to)
                .add(
                        ForwardMessages.outcome(id, done),
                        failure -> LOG.warn(
                                "Could not report the outcome of forwarded command {} to instance {}: {}",
                                id,
                                to,
                                failure.toString()));
    }

    /** The outbox to {@code instance}'s inbox, its producer started on first use. */
    private Outbox outbox(String instance) {
        return outboxes.computeIfAbsent(instance, this::openOutbox);
    }

    private Outbox openOutbox(String instance) {
        String uri = uriFor(instance);
        try {
            AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
            ServiceHelper.startService(producer);
            return new Outbox(context, instanceId, instance, producer, completions);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + URISupport.sanitizeUri(uri) + ": " + e.getMessage(), e);
        }
    }

    private String uriFor(String instance) {
        return uriTemplate.replace(INSTANCE_PLACEHOLDER, instance);
    }
}
