package dev.camelvobiz.examples.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.emulator.Callee;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.examples.kafka.EmbeddedKafka;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A campaign of 27 calls end to end through a real (embedded KRaft) Kafka broker and the emulator's Call
 * API: 20 callees answer and hear their message, 3 are busy, 2 do not answer, 2 cannot be reached; two
 * requests sent twice are placed once; a request with a bad number and a record that is not a request
 * go to the dead-letter topic; never more calls up at once than the campaign has lines.
 */
class CampaignTest {

    private static final String AUTH_ID = "MA_CAMPAIGN";
    private static final String TOKEN = "campaign-token";
    private static final int LINES = 5;

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension(
            EmulatorOptions.defaults().authId(AUTH_ID).authToken(TOKEN));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafka kafka;
    private static DefaultCamelContext camel;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties properties = new Properties();
        properties.load(CampaignTest.class.getResourceAsStream("/application.properties"));
        properties.put("camel.component.vobiz.port", Integer.toString(port));
        properties.put("campaign.public-url", "http://127.0.0.1:" + port);
        properties.put("campaign.lines", Integer.toString(LINES));
        properties.put("campaign.calls-per-second", "10");
        properties.put("campaign.line-wait-millis", "60000");
        camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getComponent("kafka", org.apache.camel.component.kafka.KafkaComponent.class)
                .getConfiguration()
                .setBrokers(kafka.bootstrapServers());
        dev.camelvobiz.VobizComponent vobiz = camel.getComponent("vobiz", dev.camelvobiz.VobizComponent.class);
        vobiz.getConfiguration().setPort(port);
        vobiz.getConfiguration().setHost("127.0.0.1");
        vobiz.getConfiguration().setAuthId(AUTH_ID);
        vobiz.getConfiguration().setAuthToken(TOKEN);
        vobiz.getConfiguration().setApiBaseUrl(VOBIZ.emulator().restApiUrl().toString());
        camel.addRoutes(new CampaignRoutes());
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyRequestIsPlacedOnceWithinTheLinesAndEveryOutcomeIsPublished() throws Exception {
        List<String> requests = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 27; i++) {
            String number = "+9198000010" + String.format("%02d", i);
            String outcome = i < 20 ? "answered" : i < 23 ? "busy" : i < 25 ? "no-answer" : "failed";
            switch (outcome) {
                case "busy" -> VOBIZ.emulator().callee(number, Callee.busy());
                case "no-answer" -> VOBIZ.emulator().callee(number, Callee.noAnswer(Duration.ofMillis(400)));
                case "failed" -> VOBIZ.emulator().callee(number, Callee.fails());
                default -> VOBIZ.emulator().callee(number, Callee.answersAfter(Duration.ofMillis(200 + 20L * i)));
            }
            String id = "r-" + i;
            expected.put(id, outcome);
            requests.add(request(id, number, "Customer " + i));
        }
        requests.add(requests.get(3)); // sent twice: placed once
        requests.add(requests.get(21));
        requests.add(request("r-bad", "12", "Nobody"));
        requests.add("this is not a call request");

        AtomicInteger peak = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(
                () -> { // the calls up at once, as the platform sees them
                    while (sampling.get()) {
                        int up = (int) VOBIZ.emulator().calls().stream()
                                .filter(call -> !call.record().isEnded())
                                .count();
                        peak.accumulateAndGet(up, Math::max);
                        sleep(10);
                    }
                });
        sampler.start();
        send("call-requests", requests);

        Map<String, JsonNode> results = new HashMap<>();
        List<JsonNode> deadLetters = new ArrayList<>();
        consume(Duration.ofSeconds(120), results, deadLetters, 27, 2);
        sampling.set(false);
        sampler.join();

        assertThat(results).hasSize(27);
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            JsonNode result = results.get(entry.getKey());
            assertThat(result).as(entry.getKey()).isNotNull();
            assertThat(result.path("outcome").asText()).as(entry.getKey()).isEqualTo(entry.getValue());
            if (entry.getValue().equals("answered")) {
                assertThat(result.path("heard").asText())
                        .contains("Customer " + entry.getKey().substring(2))
                        .contains("Your parcel arrives tomorrow");
                assertThat(result.path("durationSeconds").asLong()).isGreaterThanOrEqualTo(1);
            } else {
                assertThat(result.path("heard").asText()).isEmpty();
                assertThat(result.path("durationSeconds").asLong()).isZero();
            }
        }
        assertThat(VOBIZ.emulator().calls()).as("each request placed once").hasSize(27);
        for (EmulatedCall call : VOBIZ.emulator().calls()) {
            assertThat(call.record().violations()).isEmpty();
        }
        assertThat(peak.get()).as("calls up at once").isBetween(2, LINES);

        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters)
                .anySatisfy(letter -> {
                    assertThat(letter.path("request").path("requestId").asText())
                            .isEqualTo("r-bad");
                    assertThat(letter.path("reason").asText()).contains("not an E.164 number");
                })
                .anySatisfy(
                        letter -> assertThat(letter.path("request").asText()).isEqualTo("this is not a call request"));
    }

    private static String request(String id, String to, String name) throws Exception {
        return JSON.writeValueAsString(
                Map.of("requestId", id, "to", to, "name", name, "message", "Your parcel arrives tomorrow."));
    }

    private static void send(String topic, List<String> values) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, "campaign", value)); // one partition: in order
            }
        }
    }

    private static void consume(
            Duration within, Map<String, JsonNode> results, List<JsonNode> deadLetters, int outcomes, int letters)
            throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        long deadline = System.nanoTime() + within.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("call-results", "call-requests-dlq"));
            while ((results.size() < outcomes || deadLetters.size() < letters) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode value = JSON.readTree(record.value());
                    if (record.topic().equals("call-results")) {
                        assertThat(results.put(value.path("requestId").asText(), value))
                                .as("one outcome per request")
                                .isNull();
                    } else {
                        deadLetters.add(value);
                    }
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
