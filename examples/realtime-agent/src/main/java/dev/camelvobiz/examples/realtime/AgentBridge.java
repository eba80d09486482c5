package dev.camelvobiz.examples.realtime;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioData;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Samples;
import dev.camelvobiz.stream.HeardUtterance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge between calls and one speech-to-speech service: per call, a WebSocket to the service
 * (a {@code vertx-websocket} client endpoint of its own, so each call has its own session) whose
 * consumer feeds {@link RealtimeAgentRoutes#SERVICE_MESSAGES}, and a speaker queue whose consumer feeds
 * {@link RealtimeAgentRoutes#SPEECH}; both start with the call's stream and stop when it closes. The
 * routes call it to translate the service's messages.
 */
public final class AgentBridge implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(AgentBridge.class);
    static final String SERVICE_URI = "AgentService";
    /** Header: the call's speaker queue, where its speech waits its turn to be played. */
    static final String SPEAKER_URI = "AgentSpeaker";

    /** One answered turn: how long the caller waited, and whose time it was. */
    public record TurnReport(String callId, long callerWaitedMillis, long serviceMillis, long bridgeMillis) {}

    private final RealtimeProtocol protocol;
    private final String serviceUrl;
    private final String apiKey;
    private final AgentSettings settings;
    private final AudioData roomTone;
    private final Map<String, CallBridge> calls = new ConcurrentHashMap<>();
    private final List<TurnReport> turns = new CopyOnWriteArrayList<>();
    private final Map<String, Producer> routes = new ConcurrentHashMap<>();
    private CamelContext context;
    private ProducerTemplate sender;

    public AgentBridge(
            RealtimeProtocol protocol, String serviceUrl, String apiKey, AgentSettings settings, double roomToneLevel) {
        this.protocol = protocol;
        this.serviceUrl = serviceUrl == null || serviceUrl.isBlank() ? protocol.defaultUrl() : serviceUrl;
        this.apiKey = apiKey;
        this.settings = settings;
        this.roomTone = roomToneOf(roomToneLevel);
    }

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
        this.sender = context.createProducerTemplate();
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    /** The turns answered so far, on every call. */
    public List<TurnReport> turns() {
        return List.copyOf(turns);
    }

    /**
     * The stream started: connects this call's session to the service, starts its consumers and sends
     * the session's settings, all before the call's first audio (the stream's events wait for this one).
     */
    public void open(@Header(VobizConstants.CALL_ID) String callId) throws Exception {
        String uri = "vertx-websocket:" + serviceUrl + (serviceUrl.contains("?") ? "&" : "?")
                + "consumeAsClient=true&handshake.X-Vobiz-Call=" + URLEncoder.encode(callId, StandardCharsets.UTF_8);
        // The key goes on the endpoint object, never into a URI (URIs reach logs, consoles and route dumps).
        VertxWebsocketEndpoint endpoint = context.getEndpoint(uri, VertxWebsocketEndpoint.class);
        Map<String, Object> headers = new HashMap<>(protocol.handshakeHeaders(apiKey));
        headers.put("X-Vobiz-Call", callId);
        endpoint.getConfiguration().setHandshakeHeaders(headers);
        CallBridge call = new CallBridge(callId, uri, "seda:speaker-" + callId + "?waitForTaskToComplete=Never");
        calls.put(callId, call);
        try {
            // Consumers of the call's own, not routes: adding and removing routes per call would take
            // the context's route lock on every call start and end.
            call.consume(endpoint, into(RealtimeAgentRoutes.SERVICE_MESSAGES, call));
            call.consume(context.getEndpoint(call.speakerUri()), into(RealtimeAgentRoutes.SPEECH, call));
            for (Object opening : protocol.opening(settings)) {
                sender.sendBody(uri, opening);
            }
        } catch (Exception e) {
            close(callId);
            throw new IllegalStateException(
                    "Could not start the agent's session for call " + callId + " at " + serviceUrl + ": " + e, e);
        }
        LOG.info("Call {} bridged to {}", callId, serviceUrl);
    }

    /** Hands a consumer's exchange to {@code route}, marked with the call it belongs to. */
    private Processor into(String route, CallBridge call) {
        Producer producer = routes.computeIfAbsent(route, this::producerOf); // one per route, for every call
        return exchange -> {
            exchange.getMessage().setHeader(VobizConstants.CALL_ID, call.callId());
            exchange.getMessage().setHeader(SERVICE_URI, call.serviceUri());
            exchange.getMessage().setHeader(SPEAKER_URI, call.speakerUri());
            producer.process(exchange);
        };
    }

    private Producer producerOf(String route) {
        try {
            Producer producer = context.getEndpoint(route).createProducer();
            context.addService(producer, true, true); // started now, stopped with the context
            return producer;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach " + route, e);
        }
    }

    /** A frame of the caller's audio, as the service takes it; header {@link #SERVICE_URI} says where. */
    public Object callerAudio(
            @Header(VobizConstants.CALL_ID) String callId,
            @Header(VobizConstants.UNHEARD_MILLIS) Long unheardMillis,
            Message message) {
        CallBridge call = calls.get(callId);
        if (call != null && unheardMillis != null) {
            call.unheard(unheardMillis, System.nanoTime());
        }
        message.setHeader(SERVICE_URI, call == null ? null : call.serviceUri());
        return protocol.callerAudio(message.getBody(byte[].class));
    }

    /** A chunk of the agent's speech has left vobiz:play. */
    public void chunkPlayed(@Header(VobizConstants.CALL_ID) String callId) {
        CallBridge call = calls.get(callId);
        if (call != null) {
            call.chunkPlayed();
        }
    }

    /** A message from the service: sets header {@code AgentAction} (speak, clear, answered, endCall, drop, none). */
    public void fromService(Exchange exchange) {
        Message message = exchange.getMessage();
        CallBridge call = calls.get(message.getHeader(VobizConstants.CALL_ID, String.class));
        if (call == null) {
            message.setHeader(CallBridge.ACTION, "none");
            return;
        }
        ServiceEvent event;
        try {
            event = protocol.read(message.getBody());
        } catch (RuntimeException e) {
            // one line, control characters escaped: the text is the service's, not ours
            LOG.warn("Call {}: ignored a message the bridge cannot read: {}", call.callId(), escaped(e.getMessage()));
            message.setHeader(CallBridge.ACTION, "none");
            return;
        }
        switch (event.kind()) {
            case TRANSCRIPT -> LOG.info("Call {}: {}", call.callId(), event.text());
            case ERROR -> LOG.warn("Call {}: the service reports an error: {}", call.callId(), event.text());
            case CALLER_STARTED -> LOG.debug("Call {}: the caller speaks", call.callId());
            default -> {}
        }
        message.setHeader(CallBridge.ACTION, call.on(event, message, protocol));
    }

    private static String escaped(String text) {
        String line = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /**
     * The barge-in's clear is written: returns what to tell the service about the cut answer, or null.
     * How much of it the caller heard is the component's word ({@code CamelVobizHeard} on the clear).
     */
    public Object cleared(
            @Header(VobizConstants.CALL_ID) String callId,
            @Header(VobizConstants.GENERATION) int generation,
            @Header(VobizConstants.HEARD) List<HeardUtterance> ledger) {
        CallBridge call = calls.get(callId);
        if (call == null) {
            return null;
        }
        String answer = call.cleared(generation);
        long heard = 0;
        for (HeardUtterance utterance : ledger) {
            if (utterance.outcome() == HeardUtterance.Outcome.CLEARED) {
                heard = utterance.heardMillis(); // the last one the clear cut: the answer that was playing
            }
        }
        LOG.info("Call {}: barge-in, the answer cut after {} ms", callId, heard);
        return answer == null ? null : protocol.interrupted(answer, heard);
    }

    /** An answer's first frame left: logs the turn's latency report. */
    public void turnAnswered(Exchange exchange) {
        Message message = exchange.getMessage();
        long waited = message.getHeader(VobizConstants.TURN_LATENCY, Long.class);
        long service = message.getHeader(CallBridge.SERVICE_MILLIS, Long.class);
        long reported = message.getHeader(CallBridge.SERVICE_REPORTED_MILLIS, -1L, Long.class);
        TurnReport turn = new TurnReport(
                message.getHeader(VobizConstants.CALL_ID, String.class),
                waited,
                service,
                Math.max(0, waited - service));
        turns.add(turn);
        LOG.info(
                "Call {} turn: the caller waited {} ms = service {} ms to its first audio{} + bridge {} ms to the first frame",
                turn.callId(),
                waited,
                service,
                reported >= 0 ? " (it reports " + reported + " ms)" : "",
                turn.bridgeMillis());
    }

    /** A room-tone bed for the call (two seconds of soft noise, looped by the component), or null for none. */
    public AudioData roomTone() {
        return roomTone;
    }

    /** Two seconds of brown-ish noise (the low rumble of a room) at {@code level} of full scale, or null for 0. */
    private static AudioData roomToneOf(double level) {
        if (level <= 0) {
            return null;
        }
        Random random = new Random(7);
        short[] noise = new short[16000];
        double brown = 0;
        for (int i = 0; i < noise.length; i++) {
            brown = 0.98 * brown + random.nextGaussian();
            noise[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, brown * 32767 * level / 5));
        }
        AudioFormat format = AudioFormat.L16_8K.withByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
        return new AudioData(Samples.encode(noise, noise.length, format), format);
    }

    /** The stream closed: the call's consumers stop, and its session with the service closes. */
    public void close(@Header(VobizConstants.CALL_ID) String callId) throws InterruptedException {
        CallBridge call = calls.remove(callId);
        if (call == null) {
            return;
        }
        call.stopConsuming();
        for (String uri : new String[] {call.serviceUri(), call.speakerUri()}) {
            Endpoint endpoint = context.hasEndpoint(uri);
            if (endpoint != null) {
                try {
                    context.removeEndpoint(endpoint); // the WebSocket closes with it
                } catch (Exception e) {
                    LOG.warn("Call {}: could not remove {}: {}", callId, endpoint.getEndpointBaseUri(), e.toString());
                }
            }
        }
        LOG.info("Call {} closed after {} answered turns", callId, call.turns());
    }
}
