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
        main.configure().addRoutesBuilder(new CampaignRoutes());
        EmbeddedKafka.run(
                main,
                System.getenv().getOrDefault("CAMPAIGN_BROKERS", System.getProperty("campaign.brokers", "")),
                args);
    }
}
