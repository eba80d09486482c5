package dev.camelvobiz.examples.campaign;

import dev.camelvobiz.examples.kafka.EmbeddedKafka;
import org.apache.camel.main.Main;

/**
 * Runs the campaign on Camel Main ({@code application.properties}); with no {@code campaign.brokers}
 * (or {@code CAMPAIGN_BROKERS}) it starts an embedded single-node Kafka first and uses that.
 */
public final class CampaignApp {

    private CampaignApp() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main(CampaignApp.class);
        String brokers = System.getenv().getOrDefault("CAMPAIGN_BROKERS", System.getProperty("campaign.brokers", ""));
        EmbeddedKafka embedded = null;
        if (brokers.isBlank()) {
            embedded = EmbeddedKafka.start();
            brokers = embedded.bootstrapServers();
            System.out.println("Embedded Kafka at " + brokers);
        }
        main.addOverrideProperty("camel.component.kafka.brokers", brokers);
        main.configure().addRoutesBuilder(new CampaignRoutes());
        try {
            main.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
