package dev.camelvobiz.examples.scaleout;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.audio.AudioSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * N instances sharing one transport, the first of them running the brain: what the demo and the tests
 * start, with a {@link BrainRecord} of what the brain saw.
 */
public final class ScaleOut implements AutoCloseable {

    static final String BRAIN_INSTANCE = "instance-1";

    private final List<ScaleOutInstance> instances = new ArrayList<>();
    private final BrainRecord record = new BrainRecord(BRAIN_INSTANCE);
    private final byte[] greeting;

    private ScaleOut(byte[] greeting) {
        this.greeting = greeting;
    }

    /** Starts {@code count} instances on {@code ports}; the brain runs on the first. */
    public static ScaleOut start(Transport transport, List<Integer> ports, Duration forwardTimeout) throws Exception {
        return start(transport, ports, forwardTimeout, greeting(), Duration.ofMillis(300));
    }

    /**
     * As {@link #start(Transport, List, Duration)}, the brain greeting with {@code greeting} (null: not
     * at all) and the instances sending audio up to {@code playLead} ahead of the caller's ear.
     */
    public static ScaleOut start(
            Transport transport, List<Integer> ports, Duration forwardTimeout, byte[] greeting, Duration playLead)
            throws Exception {
        ScaleOut scaleOut = new ScaleOut(greeting);
        try {
            for (int i = 0; i < ports.size(); i++) {
                String id = "instance-" + (i + 1);
                scaleOut.instances.add(
                        i == 0
                                ? ScaleOutInstance.start(
                                        id,
                                        ports.get(i),
                                        transport,
                                        forwardTimeout,
                                        playLead,
                                        scaleOut.brain(transport))
                                : ScaleOutInstance.start(id, ports.get(i), transport, forwardTimeout, playLead));
            }
            scaleOut.awaitInboxes(Duration.ofSeconds(60));
        } catch (Exception e) {
            scaleOut.close();
            throw e;
        }
        return scaleOut;
    }

    private BrainRoutes brain(Transport transport) {
        return new BrainRoutes(transport, greeting, record);
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

    /** Places call {@code number} through the answer_url of instance {@code number % N}, as a load balancer would. */
    public EmulatedCall call(Emulator emulator, int number, AudioSource audio, Duration hangupAt) {
        ScaleOutInstance answering = instances.get(number % instances.size());
        return emulator.call(
                CallSpec.answerUrl(answering.answerUrl()).callerAudio(audio).hangupAt(hangupAt));
    }

    /**
     * 30 unchecked 4 s calls, returning once the brain has seen each close: on two cores, JIT compilation
     * and the brokers' first consumers put the brain seconds behind during the first seconds of traffic.
     */
    public void warmUp(Emulator emulator) throws Exception {
        List<EmulatedCall> calls = new ArrayList<>();
        for (int number = 0; number < 30; number++) {
            calls.add(call(emulator, number, AudioSource.tone(440, 4000), Duration.ofSeconds(4)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (EmulatedCall warm : calls) {
            warm.awaitHangup(Duration.ofSeconds(60));
            while (!record.events(warm.callUuid()).contains("closed")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The brain never saw warm-up call " + warm.callUuid() + " close");
                }
                Thread.sleep(50);
            }
        }
    }

    /** {@code count} ports free now, for the instances' servers. */
    public static List<Integer> freePorts(int count) throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.add(socket.getLocalPort());
            }
        }
        return ports;
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

    /** What the brain saw. */
    public BrainRecord record() {
        return record;
    }

    @Override
    public void close() {
        for (ScaleOutInstance instance : instances) {
            instance.close();
        }
    }
}
