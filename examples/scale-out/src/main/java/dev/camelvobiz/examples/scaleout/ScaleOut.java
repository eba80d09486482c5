package dev.camelvobiz.examples.scaleout;

import dev.camelvobiz.VobizConstants;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * N instances sharing one transport, the first of them running the brain: what the demo and the tests
 * start. Records what the brain saw: which instance held each call, each call's events, each
 * greeting's checkpoint outcome.
 */
public final class ScaleOut implements AutoCloseable {

    private final List<ScaleOutInstance> instances = new ArrayList<>();
    private final Map<String, String> holderByCall = new ConcurrentHashMap<>();
    private final Map<String, List<String>> eventsByCall = new ConcurrentHashMap<>();
    private final Map<String, String> greetingByCall = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> sequencesByCall = new ConcurrentHashMap<>();

    /** Starts {@code count} instances on {@code ports}; the brain runs on the first. */
    public static ScaleOut start(Transport transport, List<Integer> ports, Duration forwardTimeout) throws Exception {
        ScaleOut scaleOut = new ScaleOut();
        try {
            for (int i = 0; i < ports.size(); i++) {
                String id = "instance-" + (i + 1);
                scaleOut.instances.add(
                        i == 0
                                ? ScaleOutInstance.start(
                                        id, ports.get(i), transport, forwardTimeout, scaleOut.brain(transport))
                                : ScaleOutInstance.start(id, ports.get(i), transport, forwardTimeout));
            }
            scaleOut.awaitInboxes(Duration.ofSeconds(60));
        } catch (Exception e) {
            scaleOut.close();
            throw e;
        }
        return scaleOut;
    }

    private BrainRoutes brain(Transport transport) {
        return new BrainRoutes(
                transport,
                greeting(),
                exchange -> {
                    String callId = exchange.getMessage().getHeader(VobizConstants.CALL_ID, String.class);
                    holderByCall.put(callId, exchange.getMessage().getHeader(VobizConstants.INSTANCE_ID, String.class));
                    eventsByCall
                            .computeIfAbsent(callId, id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(exchange.getMessage().getHeader(VobizConstants.EVENT, String.class));
                    String sequence = exchange.getMessage().getHeader(InstanceRoutes.SEQUENCE, String.class);
                    if (sequence != null && !sequence.isEmpty()) {
                        sequencesByCall
                                .computeIfAbsent(
                                        callId, id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(Long.valueOf(sequence));
                    }
                },
                exchange -> greetingByCall.put(
                        exchange.getMessage().getHeader(VobizConstants.CALL_ID, String.class),
                        String.valueOf(exchange.getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))));
    }

    /**
     * Waits until the brain's instance reaches every other instance's inbox (a Kafka consumer takes a
     * few seconds to join its group): a command for a call nobody holds comes back as not found.
     */
    private void awaitInboxes(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (ScaleOutInstance other : instances.subList(1, instances.size())) {
            while (true) {
                Exchange probe = send(other.id(), "probe-" + other.id(), "vobiz:clear", null);
                Exception answer = probe.getException();
                if (answer != null && String.valueOf(answer.getMessage()).contains("on instance " + other.id())) {
                    break; // its inbox answered: no such call there
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Instance " + other.id() + " never answered", probe.getException());
                }
                Thread.sleep(200);
            }
        }
    }

    /** Sends a command from the brain's instance for {@code callId}, held by {@code holder}. */
    public Exchange send(String holder, String callId, String uri, Object body) {
        ProducerTemplate template = brainInstance().context().createProducerTemplate();
        return template.request(uri, exchange -> {
            exchange.getMessage().setHeader(VobizConstants.INSTANCE_ID, holder);
            exchange.getMessage().setHeader(VobizConstants.CALL_ID, callId);
            exchange.getMessage().setBody(body);
        });
    }

    /** 300 ms of a constant level (below the frame marks the callers use), L16 8 kHz little-endian. */
    public static byte[] greeting() {
        ByteBuffer audio = ByteBuffer.allocate(4800).order(ByteOrder.LITTLE_ENDIAN);
        while (audio.hasRemaining()) {
            audio.putShort((short) 500);
        }
        return audio.array();
    }

    public List<ScaleOutInstance> instances() {
        return instances;
    }

    public ScaleOutInstance brainInstance() {
        return instances.get(0);
    }

    /** The instance whose consumer reported this call's events. */
    public String holder(String callId) {
        return holderByCall.get(callId);
    }

    public List<String> events(String callId) {
        List<String> events = eventsByCall.get(callId);
        return events == null ? List.of() : List.copyOf(events);
    }

    /** The sequence numbers of this call's events, in the order the brain read them. */
    public List<Long> sequences(String callId) {
        List<Long> sequences = sequencesByCall.get(callId);
        return sequences == null ? List.of() : List.copyOf(sequences);
    }

    /** The outcome of the greeting's awaited checkpoint, as the owner reported it. */
    public String greeting(String callId) {
        return greetingByCall.get(callId);
    }

    @Override
    public void close() {
        for (ScaleOutInstance instance : instances) {
            instance.close();
        }
    }
}
