package dev.camelvobiz.examples.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both echo routes answer an emulated call and the caller hears exactly what they said. */
class EchoTest {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static DefaultCamelContext camel;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        camel = new DefaultCamelContext();
        camel.getComponent("vobiz", VobizComponent.class).getConfiguration().setHost("127.0.0.1");
        camel.getComponent("vobiz", VobizComponent.class).getConfiguration().setPort(port);
        camel.addRoutes(new EchoRoutes());
        PluginHelper.getRoutesLoader(camel)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "classpath:routes/echo.camel.yaml"));
        camel.start();
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    @Test
    void theJavaAndTheYamlEchoPlayTheCallerBackToThemselves() throws Exception {
        for (String path : new String[] {"/answer", "/answer-yaml"}) {
            EmulatedCall call = VOBIZ.emulator()
                    .call(CallSpec.answerUrl("http://127.0.0.1:" + port + path)
                            .callerAudio(AudioSource.tone(523, 1000))
                            .hangupAt(Duration.ofMillis(2500)));
            call.awaitHangup(Duration.ofSeconds(10));

            CallRecord record = call.record();
            Pcm heard = record.heard(8000);
            assertThat(heard.audibleMillis())
                    .as(path + ": the second of tone, echoed")
                    .isBetween(960L, 1100L); // echoed in real time: playout may slip a frame or two
            assertThat(record.violations()).as(path).isEmpty();
        }
    }
}
