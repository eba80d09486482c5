package dev.camelvobiz.examples.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.camel.main.Main;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka 3.9 broker in KRaft mode, in this JVM, on free loopback ports: what the example
 * uses when no {@code bridge.brokers} are configured, and what its test runs against. Not for
 * production: one node, no replication, data in a temporary directory.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final Path logDir;
    private final KafkaConfig config;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, KafkaConfig config, String bootstrapServers) {
        this.logDir = logDir;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    public static EmbeddedKafka start() throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();
        Path logDir = Files.createTempDirectory("kraft-");
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        KafkaConfig config = KafkaConfig.fromProps(p);
        new Formatter()
                .setPrintStream(System.out)
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(List.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, config, "127.0.0.1:" + brokerPort);
        kafka.startBroker();
        return kafka;
    }

    /**
     * Runs {@code main} against {@code brokers}, or, when none are given, against a broker started in
     * this JVM for the run (its address printed, its data deleted when the run ends).
     */
    public static void run(Main main, String brokers, String[] args) throws Exception {
        EmbeddedKafka embedded = null;
        if (brokers == null || brokers.isBlank()) {
            embedded = start();
            brokers = embedded.bootstrapServers();
            System.out.println("Embedded Kafka at " + brokers);
        }
        main.addOverrideProperty("camel.component.kafka.brokers", brokers);
        try {
            main.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Starts the broker again after {@link #stopBroker()}, on the same ports and data: an outage ends. */
    public synchronized void startBroker() {
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    /** Stops the broker, keeping its data and ports for {@link #startBroker()}: an outage begins. */
    public synchronized void stopBroker() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        stopBroker();
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
