package dev.camelvobiz.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.examples.bridge.UndeliveredMessages;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A whole emulated call through a real (embedded KRaft) Kafka broker: audio and events out, commands in. */
class KafkaBridgeTest {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedKafka kafka;
    private static DefaultCamelContext camel;
    private static KafkaBridgeRoutes routes;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.load(KafkaBridgeTest.class.getResourceAsStream("/application.properties"));
        properties.put("camel.component.vobiz.port", Integer.toString(port));
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getPropertiesComponent().addOverrideProperty("camel.component.kafka.brokers", kafka.bootstrapServers());
        camel.getComponent("kafka", org.apache.camel.component.kafka.KafkaComponent.class)
                .getConfiguration()
                .setBrokers(kafka.bootstrapServers());
        camel.getComponent("vobiz", dev.camelvobiz.VobizComponent.class)
                .getConfiguration()
                .setPort(port);
        routes = new KafkaBridgeRoutes();
        camel.addRoutes(routes);
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.stop();
        kafka.close();
    }

    /** Reads a topic from the beginning in the background, as a downstream service would. */
    private static <V> List<ConsumerRecord<String, V>> follow(String topic, Class<?> valueDeserializer) {
        List<ConsumerRecord<String, V>> records = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            p.put("group.id", "test-" + UUID.randomUUID());
            p.put("auto.offset.reset", "earliest");
            p.put("key.deserializer", StringDeserializer.class.getName());
            p.put("value.deserializer", valueDeserializer.getName());
            try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p)) {
                consumer.subscribe(List.of(topic));
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // done
            }
        });
        reader.setDaemon(true);
        reader.start();
        return records;
    }

    private static void command(String callId, Map<String, Object> command) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>("vobiz.commands", callId, JSON.writeValueAsString(command)))
                    .get();
        }
    }

    private static String event(ConsumerRecord<String, ?> record) {
        return new String(record.headers().lastHeader("event").value(), StandardCharsets.UTF_8);
    }

    @Test
    void aCallsAudioAndEventsFlowToKafkaAndCommandsFromKafkaReachTheCall() throws Exception {
        List<ConsumerRecord<String, byte[]>> audio = follow("vobiz.audio", ByteArrayDeserializer.class);
        List<ConsumerRecord<String, String>> events = follow("vobiz.events", StringDeserializer.class);

        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.stream("ws://127.0.0.1:" + port + "/media").callerAudio(AudioSource.tone(440, 1000)));
        String callId = call.callUuid();

        await().atMost(WAIT)
                .until(() -> audio.stream().filter(r -> callId.equals(r.key())).count() >= 40);
        List<ConsumerRecord<String, byte[]>> frames = new ArrayList<>();
        audio.stream().filter(r -> callId.equals(r.key())).forEach(frames::add);
        assertThat(frames).allSatisfy(r -> assertThat(r.value()).hasSize(320));
        assertThat(frames.stream().map(ConsumerRecord::partition).distinct())
                .as("one partition per call")
                .hasSize(1);
        assertThat(new String(frames.get(0).headers().lastHeader("format").value(), StandardCharsets.UTF_8))
                .isEqualTo("audio/x-l16;rate=8000;endian=big");
        await().atMost(WAIT)
                .until(() -> events.stream().anyMatch(r -> callId.equals(r.key()) && "start".equals(event(r))));
        JsonNode start = JSON.readTree(events.stream()
                .filter(r -> callId.equals(r.key()) && "start".equals(event(r)))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(start.path("callId").asText()).isEqualTo(callId);

        command(callId, playCommand(callId));
        command(callId, Map.of("callId", callId, "command", "checkpoint", "name", "from-kafka"));
        await().atMost(WAIT).until(() -> events.stream()
                .anyMatch(r -> "playedStream".equals(event(r)) && r.value().contains("from-kafka")));
        command(callId, Map.of("callId", callId, "command", "stop"));

        CallRecord.Hangup hangup = call.awaitHangup(WAIT);
        assertThat(hangup.causeCode()).isEqualTo("4010");
        assertThat(call.record().checkpointsPlayed()).containsExactly("from-kafka");
        assertThat(call.record().heard(8000).audibleMillis()).isBetween(980L, 1020L);
        await().atMost(WAIT)
                .until(() -> events.stream().anyMatch(r -> callId.equals(r.key()) && "closed".equals(event(r))));
    }

    @Test
    void aKafkaOutageMidCallLosesNoFrameSilentlyAndTheCallCarriesOn() throws Exception {
        List<ConsumerRecord<String, byte[]>> audio = follow("vobiz.audio", ByteArrayDeserializer.class);
        List<ConsumerRecord<String, String>> events = follow("vobiz.events", StringDeserializer.class);
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.stream("ws://127.0.0.1:" + port + "/media").callerAudio(AudioSource.tone(440, 120_000)));
        String callId = call.callUuid();
        await().atMost(WAIT).until(() -> delivered(audio, callId) >= 50);

        kafka.stopBroker();
        // sent while Kafka is down: its producer holds it until the broker is back
        CompletableFuture<Void> heldCommands = CompletableFuture.runAsync(() -> {
            try {
                command(callId, playCommand(callId));
                command(callId, Map.of("callId", callId, "command", "checkpoint", "name", "after-outage"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(4000); // longer than the bridge's delivery timeout: frames sent now fail
        kafka.startBroker();

        heldCommands.get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> call.record().checkpointsPlayed().contains("after-outage"));
        command(callId, Map.of("callId", callId, "command", "stop"));
        call.awaitHangup(WAIT);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> events.stream().anyMatch(r -> callId.equals(r.key()) && "closed".equals(event(r))));
        ConsumerRecord<String, String> closed = events.stream()
                .filter(r -> callId.equals(r.key()) && "closed".equals(event(r)))
                .findFirst()
                .orElseThrow();
        long reported = ByteBuffer.wrap(
                        closed.headers().lastHeader(UndeliveredMessages.HEADER).value())
                .getLong();
        long afterStop = ByteBuffer.wrap(closed.headers()
                        .lastHeader(UndeliveredMessages.AFTER_STOP_HEADER)
                        .value())
                .getLong();
        long sent = call.record().mediaMessagesSent();
        System.out.printf("outage: sent %d, reported %d, delivered %d%n", sent, reported, delivered(audio, callId));
        assertThat(reported)
                .as("frames reported undelivered")
                .isPositive()
                .isEqualTo(routes.undelivered().frames());
        // every frame the caller sent is in the topic, in the report (a timed-out send may be in both), or
        // came after our stop
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivered(audio, callId) + reported + afterStop)
                .isGreaterThanOrEqualTo(sent));
        assertThat(delivered(audio, callId)).isLessThanOrEqualTo(sent);
        assertThat(call.record().heard(8000).audibleMillis())
                .as("the held play")
                .isBetween(980L, 1020L);
    }

    private static long delivered(List<ConsumerRecord<String, byte[]>> audio, String callId) {
        return audio.stream().filter(r -> callId.equals(r.key())).count();
    }

    private static Map<String, Object> playCommand(String callId) {
        return Map.of(
                "callId",
                callId,
                "command",
                "play",
                "audio",
                Base64.getEncoder().encodeToString(tone(880, 1000)),
                "format",
                "audio/x-l16;rate=8000;endian=little");
    }

    private static byte[] tone(int hertz, int millis) {
        Pcm pcm = Pcm.tone(hertz, 8000, millis);
        ByteBuffer bytes = ByteBuffer.allocate(pcm.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(pcm.samples());
        return bytes.array();
    }
}
