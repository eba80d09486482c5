package dev.camelvobiz.examples.scaleout;

import dev.camelvobiz.examples.kafka.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Three instances over a real (embedded KRaft) Kafka broker. */
class KafkaScaleOutTest extends ScaleOutTestSupport {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        startScaleOut(Transport.kafka(kafka.bootstrapServers()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (scaleOut != null) {
            scaleOut.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
