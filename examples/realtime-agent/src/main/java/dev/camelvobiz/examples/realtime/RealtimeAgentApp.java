package dev.camelvobiz.examples.realtime;

import io.vertx.core.VertxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.component.vertx.websocket.VertxWebsocketComponent;
import org.apache.camel.main.Main;

/** The bridge on Camel Main; the service, its key and the agent in {@code application.properties}. */
public final class RealtimeAgentApp {

    private RealtimeAgentApp() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main(RealtimeAgentApp.class); // finds RealtimeAgentRoutes in this package
        main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
            @Override
            public void beforeConfigure(org.apache.camel.main.BaseMainSupport support) {
                configure(support.getCamelContext());
            }
        });
        main.run(args);
    }

    /** Binds the bridge for the service {@code agent.service} names, and sets up the WebSocket client. */
    public static AgentBridge configure(CamelContext camel) {
        String service = camel.resolvePropertyPlaceholders("{{agent.service}}");
        RealtimeProtocol protocol =
                switch (service) {
                    case "deepgram" -> new DeepgramVoiceAgent();
                    case "openai" -> new OpenAiRealtime();
                    default ->
                        throw new IllegalArgumentException(
                                "agent.service must be deepgram or openai, not '" + service + "'");
                };
        AgentBridge bridge = new AgentBridge(
                protocol,
                camel.resolvePropertyPlaceholders("{{agent.url}}"),
                camel.resolvePropertyPlaceholders("{{agent.api-key}}"),
                new AgentSettings(
                        camel.resolvePropertyPlaceholders("{{agent.prompt}}"),
                        camel.resolvePropertyPlaceholders("{{agent.greeting}}"),
                        camel.resolvePropertyPlaceholders("{{agent." + service + ".voice}}"),
                        camel.resolvePropertyPlaceholders("{{agent." + service + ".think-model}}"),
                        camel.resolvePropertyPlaceholders("{{agent." + service + ".listen-model:}}")),
                Double.parseDouble(camel.resolvePropertyPlaceholders("{{agent.room-tone-level}}")));
        bridge.setCamelContext(camel);
        camel.getRegistry().bind("agent", bridge);
        // The client consumer hands each message to a worker without ordering them (Camel 4.14's
        // executeBlocking(…, false)): one worker keeps every session's messages in arrival order. The
        // routes it runs only translate and queue, never wait, so one thread serves many calls.
        camel.getComponent("vertx-websocket", VertxWebsocketComponent.class)
                .setVertxOptions(new VertxOptions().setWorkerPoolSize(1));
        return bridge;
    }
}
