package dev.camelvobiz.examples.kafka;

import org.apache.camel.main.Main;

/**
 * Runs the bridge on Camel Main ({@code application.properties}); with no {@code bridge.brokers} it
 * starts an embedded single-node Kafka first and uses that.
 */
public final class KafkaBridgeApp {

    private KafkaBridgeApp() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main(KafkaBridgeApp.class);
        String brokers = System.getenv().getOrDefault("BRIDGE_BROKERS", System.getProperty("bridge.brokers", ""));
        EmbeddedKafka embedded = null;
        if (brokers.isBlank()) {
            embedded = EmbeddedKafka.start();
            brokers = embedded.bootstrapServers();
            System.out.println("Embedded Kafka at " + brokers);
        }
        main.addOverrideProperty("camel.component.kafka.brokers", brokers);
        main.configure().addRoutesBuilder(new KafkaBridgeRoutes());
        try {
            main.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
