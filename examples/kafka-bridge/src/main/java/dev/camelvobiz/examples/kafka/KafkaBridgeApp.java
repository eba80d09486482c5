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
        main.configure().addRoutesBuilder(new KafkaBridgeRoutes());
        EmbeddedKafka.run(
                main, System.getenv().getOrDefault("BRIDGE_BROKERS", System.getProperty("bridge.brokers", "")), args);
    }
}
