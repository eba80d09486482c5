package dev.camelvobiz.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The Spring Boot app answers an emulated call, echoes it, and shows the call in the actuator's meters. */
@AutoConfigureObservability // tests turn metrics export off unless asked
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camel.component.vobiz.port=0") // a free port, chosen when the server binds
class VobizSpringBootAppTest {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    CamelContext camel;

    @Autowired
    TestRestTemplate http;

    @Test
    void propertiesConfigureTheComponentAndTheActuatorShowsTheCall() throws Exception {
        VobizComponent vobiz = camel.getComponent("vobiz", VobizComponent.class);
        assertThat(vobiz.getConfiguration().getPort())
                .as("the test's property over application.properties")
                .isZero();
        int vobizPort = vobiz.runtime().servers().running().get(0).localPort();
        assertThat(vobiz.getConfiguration().getPlayLead())
                .as("from application.properties")
                .isEqualTo(200);

        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.answerUrl("http://127.0.0.1:" + vobizPort + "/answer")
                        .callerAudio(AudioSource.tone(440, 1500))
                        .hangupAt(Duration.ofMillis(2500)));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(http.getForObject("/actuator/metrics/vobiz.calls.active", String.class))
                        .contains("\"value\":1.0"));
        CallRecord.Hangup hangup = call.awaitHangup(WAIT);
        assertThat(hangup).isNotNull();
        assertThat(call.record().heard(8000).audibleMillis())
                .as("the caller hears the echo of most of the 1.5 s tone")
                .isGreaterThan(1000);
        String prometheus = http.getForObject("/actuator/prometheus", String.class);
        assertThat(prometheus)
                .containsPattern("vobiz_frames_in_total [1-9]")
                .containsPattern("vobiz_frames_out_total [1-9]");
        assertThat(http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
    }

    @Test
    void theStarterGivesIdesCompletionForEveryPropertyThisAppSets() throws Exception {
        java.util.Set<String> described = new java.util.HashSet<>();
        var resources = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        while (resources.hasMoreElements()) {
            try (var in = resources.nextElement().openStream()) {
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(in)
                        .path("properties")
                        .forEach(property -> described.add(property.path("name").asText()));
            }
        }
        java.util.Properties app = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        java.util.List<String> vobizProperties = app.stringPropertyNames().stream()
                .filter(name -> name.startsWith("camel.component.vobiz."))
                .toList();
        assertThat(vobizProperties).isNotEmpty();
        assertThat(described).containsAll(vobizProperties);
    }
}
