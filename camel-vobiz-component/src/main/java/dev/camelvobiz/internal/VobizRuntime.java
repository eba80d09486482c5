package dev.camelvobiz.internal;

import dev.camelvobiz.internal.api.VobizApiClient;
import dev.camelvobiz.internal.forward.CommandForwarding;
import dev.camelvobiz.internal.observe.Observability;
import dev.camelvobiz.internal.observe.TurnLatencies;
import dev.camelvobiz.internal.observe.VobizMetrics;
import dev.camelvobiz.internal.observe.VobizServerHealthCheck;
import dev.camelvobiz.internal.server.ServerSettings;
import dev.camelvobiz.internal.server.VobizServers;
import dev.camelvobiz.internal.server.WorkerPool;
import dev.camelvobiz.internal.stream.StreamRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.net.http.HttpClient;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.CamelThreadFactory;
import org.apache.camel.util.function.ThrowingRunnable;

/**
 * What one vobiz component's endpoints share while it runs: the live streams, the servers and the
 * Vert.x they run on, the worker pool, the timer, the meters, the forwarding of commands, the REST
 * client and the remembered webhook signatures. The component owns one for its whole life, starts it
 * with its options and stops it; consumers and producers take from it what they need, and nothing
 * else in the component hands these out.
 */
public final class VobizRuntime {

    /** Accepted webhook signatures remembered by default: 9.3 MB when full (measured), 10 000 calls' worth. */
    public static final int REMEMBERED_SIGNATURES = 50_000;

    /**
     * The component's options that shape its runtime, read once per start.
     *
     * @param vertx the Vert.x instance to serve on, or null for one of the runtime's own
     * @param httpClient the client of the REST API, or null for the runtime's own
     */
    public record Settings(
            Vertx vertx,
            int workerPoolSize,
            ServerSettings server,
            String instanceId,
            String forwardUri,
            long forwardTimeoutMillis,
            HttpClient httpClient) {}

    private final CamelContext context;
    private final StreamRegistry streams = new StreamRegistry(); // outlives restarts, as do its producers
    private final TurnLatencies turnLatencies = new TurnLatencies();
    private volatile Settings settings;
    private volatile Vertx vertx;
    private Vertx ownVertx; // created here (none given): closed on stop
    private ExecutorService workers;
    private VobizServers servers;
    private ScheduledExecutorService timer;
    private IdempotentRepository replays;
    private volatile VobizMetrics metrics;
    private volatile VobizApiClient apiClient;
    private volatile CommandForwarding forwarding;
    private VobizServerHealthCheck healthCheck;

    public VobizRuntime(CamelContext context) {
        this.context = context;
    }

    /**
     * Starts what the endpoints need, and once the context has started (when other components and the
     * meter registry can be used) the meters, the forwarding inbox and then {@code whenContextStarted}.
     */
    public void start(Settings settings, ThrowingRunnable<Exception> whenContextStarted) throws Exception {
        this.settings = settings;
        if (settings.vertx() == null) {
            ownVertx = Vertx.vertx(new VertxOptions()
                    .setEventLoopPoolSize(settings.server().eventLoops())
                    .setWorkerPoolSize(2) // Vert.x's own blocking chores only; routes run on the worker pool
                    .setFileSystemOptions(
                            new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        }
        vertx = settings.vertx() != null ? settings.vertx() : ownVertx;
        ExecutorServiceManager executors = context.getExecutorServiceManager();
        workers = WorkerPool.create(
                settings.workerPoolSize(),
                new CamelThreadFactory(executors.getThreadNamePattern(), "VobizWorker", true));
        servers = new VobizServers(context, vertx, workers);
        replays = MemoryIdempotentRepository.memoryIdempotentRepository(REMEMBERED_SIGNATURES);
        ServiceHelper.startService(replays);
        // Forwarding's deadlines and outboxes (streams pace on their own event loops). Unbounded queue:
        // Camel's default profile refuses a task beyond 1 000 queued ones.
        ThreadPoolProfile oneThread = new ThreadPoolProfileBuilder("VobizPlayout")
                .poolSize(1)
                .maxPoolSize(1)
                .maxQueueSize(-1)
                .build();
        timer = executors.newScheduledThreadPool(this, "VobizPlayout", oneThread);
        metrics = null; // Camel Main binds its meter registry while the context starts: look once it has
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) throws Exception {
                if (alreadyStarted) { // added to a running context: no "fully started" will follow
                    contextStarted(whenContextStarted);
                }
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws Exception {
                contextStarted(whenContextStarted);
            }
        });
    }

    private void contextStarted(ThrowingRunnable<Exception> whenContextStarted) throws Exception {
        metrics();
        startForwarding();
        whenContextStarted.run();
    }

    /** The inbox is a consumer of another component (Kafka, JMS): started once every component can be used. */
    private synchronized void startForwarding() throws Exception {
        Settings current = settings;
        if (current != null && current.forwardUri() != null && forwarding == null) {
            CommandForwarding started = new CommandForwarding(
                    context,
                    current.instanceId(),
                    current.forwardUri(),
                    current.forwardTimeoutMillis(),
                    streams,
                    timer);
            started.start();
            forwarding = started;
        }
    }

    /**
     * Registers the servers' health check (with camel-health on the classpath) as {@code <name>-servers},
     * {@code name} being the scheme the component's endpoints use: a component learns the name it was
     * added under only from them, and a second vobiz component needs a check of its own.
     */
    public synchronized void registerHealthCheck(String name) {
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (healthCheck == null && health != null) {
            healthCheck = new VobizServerHealthCheck(this, name);
            health.register(healthCheck);
        }
    }

    /** Stops everything {@link #start} started; running route work finishes, nothing new is taken. */
    public void stop() throws Exception {
        settings = null;
        apiClient = null; // a restart may bring another httpClient
        CommandForwarding forwarded = forwarding;
        forwarding = null;
        if (forwarded != null) {
            forwarded.stop();
        }
        synchronized (this) {
            if (healthCheck != null) {
                HealthCheckRegistry.get(context).unregister(healthCheck);
                healthCheck = null;
            }
        }
        VobizMetrics stopped = metrics;
        metrics = VobizMetrics.NONE; // a late frame or REST reply while stopping must not register meters again
        if (stopped != null) {
            stopped.close();
        }
        if (servers != null) {
            servers.stopAll();
        }
        ServiceHelper.stopService(replays);
        if (timer != null) {
            context.getExecutorServiceManager().shutdownNow(timer);
            timer = null;
        }
        if (workers != null) {
            workers.shutdown();
            workers = null;
        }
        if (ownVertx != null) {
            ownVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ownVertx = null;
        }
    }

    /** The live streams, which the stream producers send to. */
    public StreamRegistry streams() {
        return streams;
    }

    /** The latest turn latencies of this component's calls, for the dev console. */
    public TurnLatencies turnLatencies() {
        return turnLatencies;
    }

    /** The shared servers, one per host:port, serving every consumer's path. */
    public VobizServers servers() {
        return servers;
    }

    /** How the servers are run. */
    public ServerSettings serverSettings() {
        return settings.server();
    }

    /** This instance's id, set on every consumer exchange and naming its forwarding inbox. */
    public String instanceId() {
        return settings.instanceId();
    }

    /** The Vert.x instance the servers run on: the one given, else the runtime's own. */
    public Vertx vertx() {
        return vertx;
    }

    /** Where blocking route work runs: stream routes with blocking=true, answer and callback routes. */
    public Executor workers() {
        return workers;
    }

    /** One thread for timed chores (forwarding deadlines): cheap, never blocking. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** The accepted webhook signatures remembered for endpoints without a {@code replayRepository}. */
    public IdempotentRepository replays() {
        return replays;
    }

    /** The forwarding of stream commands, or null when forwardUri is not set (or not started yet). */
    public CommandForwarding forwarding() {
        return forwarding;
    }

    /** The REST client shared by the {@code vobiz:api} endpoints (one HTTP connection pool). */
    public VobizApiClient apiClient() {
        VobizApiClient client = apiClient;
        if (client == null) {
            synchronized (this) {
                if (apiClient == null) {
                    Settings current = settings;
                    apiClient = current != null && current.httpClient() != null
                            ? new VobizApiClient(current.httpClient())
                            : new VobizApiClient();
                }
                client = apiClient;
            }
        }
        return client;
    }

    /** Where the meters go (no-op without Micrometer); found once the context has started. */
    public VobizMetrics metrics() {
        VobizMetrics found = metrics;
        if (found == null) {
            synchronized (this) {
                if (metrics == null) {
                    metrics = Observability.metrics(context);
                    metrics.activeCalls(streams::size);
                }
                found = metrics;
            }
        }
        return found;
    }
}
