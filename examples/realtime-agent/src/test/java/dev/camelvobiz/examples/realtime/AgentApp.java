package dev.camelvobiz.examples.realtime;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.emulator.audio.Pcm;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;

/** The example's app on a free port, bridged to a given service: what the test and the benchmark run. */
final class AgentApp implements AutoCloseable {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final AgentBridge bridge;
    private final int port;

    AgentApp(String service, String url, double roomTone) throws Exception {
        port = freePort();
        Properties properties = new Properties();
        properties.load(AgentApp.class.getResourceAsStream("/application.properties"));
        properties.put("agent.service", service);
        properties.put("agent.url", url);
        properties.put("agent.api-key", "test-key");
        properties.put("agent.room-tone-level", String.valueOf(roomTone));
        camel.getPropertiesComponent().setInitialProperties(properties);
        vobiz().getConfiguration().setHost("127.0.0.1");
        vobiz().getConfiguration().setPort(port);
        bridge = RealtimeAgentApp.configure(camel);
        camel.addRoutes(new RealtimeAgentRoutes());
        camel.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the caller says: silence under the greeting, a question, an interruption, another, goodbye. */
    static Pcm caller() {
        return Pcm.silence(8000, 2500)
                .concat(Pcm.tone(200, 8000, 800)) // a question
                .concat(Pcm.silence(8000, 1200)) // the answer starts…
                .concat(Pcm.tone(200, 8000, 600)) // …and is interrupted
                .concat(Pcm.silence(8000, 1600)) // the second answer, heard whole
                .concat(Pcm.tone(StandInAgent.BYE_HZ, 8000, 600)) // "goodbye"
                .concat(Pcm.silence(8000, 8000));
    }

    String answerUrl() {
        return "http://127.0.0.1:" + port + "/answer";
    }

    AgentBridge bridge() {
        return bridge;
    }

    VobizComponent vobiz() {
        return camel.getComponent("vobiz", VobizComponent.class);
    }

    /** Calls' sessions still open: their service endpoints and speaker queues. */
    long sessionEndpoints() {
        return camel.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().startsWith("vertx-websocket:")
                        || e.getEndpointUri().startsWith("seda://speaker-"))
                .count();
    }

    @Override
    public void close() {
        camel.stop();
    }
}
