package dev.camelvobiz.examples.jms;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An ActiveMQ Artemis broker in this JVM, reached in-VM ({@code vm://0}): what the example uses when
 * no {@code bridge.broker-url} is configured, and what its test runs against. No persistence, no
 * security: for trying things out only.
 */
public final class EmbeddedArtemis implements AutoCloseable {

    public static final String URL = "vm://0";

    private final EmbeddedActiveMQ broker;

    private EmbeddedArtemis(EmbeddedActiveMQ broker) {
        this.broker = broker;
    }

    public static EmbeddedArtemis start() throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ()
                .setConfiguration(new ConfigurationImpl()
                        .setPersistenceEnabled(false)
                        .setSecurityEnabled(false)
                        .setJMXManagementEnabled(false)
                        .addAcceptorConfiguration("in-vm", URL));
        broker.start();
        return new EmbeddedArtemis(broker);
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
