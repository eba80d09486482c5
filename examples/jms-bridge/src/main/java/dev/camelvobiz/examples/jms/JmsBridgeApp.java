package dev.camelvobiz.examples.jms;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.Main;

/**
 * Runs the bridge on Camel Main ({@code application.properties}); with no {@code bridge.broker-url}
 * (or {@code BRIDGE_BROKER_URL}) it starts an embedded Artemis broker and uses that.
 */
public final class JmsBridgeApp {

    private JmsBridgeApp() {}

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("BRIDGE_BROKER_URL", System.getProperty("bridge.broker-url", ""));
        EmbeddedArtemis embedded = null;
        if (url.isBlank()) {
            embedded = EmbeddedArtemis.start();
            url = EmbeddedArtemis.URL;
            System.out.println("Embedded Artemis at " + url);
        }
        Main main = new Main(JmsBridgeApp.class);
        main.bind("jms", JmsComponent.jmsComponentAutoAcknowledge(new ActiveMQConnectionFactory(url)));
        main.configure().addRoutesBuilder(new JmsBridgeRoutes());
        try {
            main.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
