package dev.camelvobiz.examples.scaleout;

import dev.camelvobiz.examples.jms.EmbeddedArtemis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Three instances over a real (embedded) ActiveMQ Artemis broker. */
class JmsScaleOutTest extends ScaleOutTestSupport {

    private static EmbeddedArtemis artemis;

    @BeforeAll
    static void start() throws Exception {
        artemis = EmbeddedArtemis.start();
        startScaleOut(Transport.jms(EmbeddedArtemis.URL));
    }

    @AfterAll
    static void stop() throws Exception {
        if (scaleOut != null) {
            scaleOut.close();
        }
        if (artemis != null) {
            artemis.close();
        }
    }
}
