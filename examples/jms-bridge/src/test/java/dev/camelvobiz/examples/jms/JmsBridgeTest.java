package dev.camelvobiz.examples.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.emulator.CallRecord;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole emulated call through a real (embedded Artemis) broker: a "what should I say" service
 * answers the greeting request, audio and events flow out in order, a command from a queue ends the call.
 */
class JmsBridgeTest {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedArtemis broker;
    private static DefaultCamelContext camel;
    private static int port;
    private static final List<Exchange> audio = new CopyOnWriteArrayList<>();
    private static final List<Exchange> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedArtemis.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.load(JmsBridgeTest.class.getResourceAsStream("/application.properties"));
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addComponent(
                "jms", JmsComponent.jmsComponentAutoAcknowledge(new ActiveMQConnectionFactory(EmbeddedArtemis.URL)));
        camel.getComponent("vobiz", VobizComponent.class).getConfiguration().setPort(port);
        camel.addRoutes(new JmsBridgeRoutes());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // The services on the other side of the broker.
                from("jms:queue:vobiz.what-to-say").setBody(constant(tone(660, 800)));
                from("jms:queue:vobiz.audio").process(audio::add);
                from("jms:queue:vobiz.events").process(events::add);
            }
        });
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.stop();
        broker.close();
    }

    private static byte[] tone(int hertz, int millis) {
        Pcm pcm = Pcm.tone(hertz, 8000, millis);
        ByteBuffer bytes = ByteBuffer.allocate(pcm.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(pcm.samples());
        return bytes.array();
    }

    @Test
    void aServiceAnswersTheGreetingRequestAndTheCallFlowsThroughTheBroker() throws Exception {
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.stream("ws://127.0.0.1:" + port + "/media").callerAudio(AudioSource.tone(440, 1000)));
        String callId = call.callUuid();

        await().atMost(WAIT).until(() -> call.record().checkpointsPlayed().contains("greeting"));
        assertThat(call.record().heard(8000).audibleMillis())
                .as("the service's 800 ms answer")
                .isBetween(780L, 820L);
        await().atMost(WAIT).until(() -> audio.size() >= 30);
        assertThat(audio).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader("JMSXGroupID")).isEqualTo(callId);
            assertThat(e.getMessage().getBody(byte[].class)).hasSize(320);
        });
        assertThat(events).extracting(e -> e.getMessage().getHeader("event")).contains("start");
        assertThat(JSON.readTree(events.get(0).getMessage().getBody(String.class))
                        .path("callId")
                        .asText())
                .isEqualTo(callId);

        camel.createProducerTemplate()
                .sendBody(
                        "jms:queue:vobiz.commands",
                        JSON.writeValueAsString(Map.of(
                                "callId",
                                callId,
                                "command",
                                "play",
                                "audio",
                                Base64.getEncoder().encodeToString(tone(880, 200)))));
        camel.createProducerTemplate()
                .sendBody(
                        "jms:queue:vobiz.commands",
                        JSON.writeValueAsString(Map.of("callId", callId, "command", "stop")));

        CallRecord.Hangup hangup = call.awaitHangup(WAIT);
        assertThat(hangup.causeCode()).isEqualTo("4010");
        assertThat(call.record().violations()).isEmpty();
        await().atMost(WAIT).until(() -> events.stream()
                .anyMatch(e -> "closed".equals(e.getMessage().getHeader("event"))));
    }
}
