package dev.camelvobiz.examples.jms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An ActiveMQ Artemis broker in this JVM, reached in-VM ({@code vm://0}): what the example uses when
 * no {@code bridge.broker-url} is configured, and what its test runs against. Messages are journaled
 * in a temporary directory (not synced to disk), so they outlive a {@link #stopBroker()} /
 * {@link #startBroker()} outage as they would on a real broker; no security: for trying things out only.
 */
public final class EmbeddedArtemis implements AutoCloseable {

    public static final String URL = "vm://0";

    private final Path dataDir;
    private final EmbeddedActiveMQ broker;

    private EmbeddedArtemis(Path dataDir, EmbeddedActiveMQ broker) {
        this.dataDir = dataDir;
        this.broker = broker;
    }

    public static EmbeddedArtemis start() throws Exception {
        Path dataDir = Files.createTempDirectory("artemis-");
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setJournalSyncNonTransactional(false)
                .setJournalSyncTransactional(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("in-vm", URL);
        EmbeddedArtemis artemis = new EmbeddedArtemis(dataDir, new EmbeddedActiveMQ().setConfiguration(configuration));
        artemis.startBroker();
        return artemis;
    }

    /** Starts the broker again after {@link #stopBroker()}, with its journal: an outage ends. */
    public synchronized void startBroker() throws Exception {
        broker.start();
    }

    /** Stops the broker, keeping its journal for {@link #startBroker()}: an outage begins. */
    public synchronized void stopBroker() throws Exception {
        broker.stop();
    }

    @Override
    public void close() throws Exception {
        stopBroker();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the OS to clean
        }
    }
}
