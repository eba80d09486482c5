package dev.camelvobiz;

import dev.camelvobiz.api.VobizApiClient;
import dev.camelvobiz.internal.forward.CommandForwarding;
import dev.camelvobiz.internal.observe.Observability;
import dev.camelvobiz.internal.observe.SecretMaskingConsole;
import dev.camelvobiz.internal.observe.VobizMetrics;
import dev.camelvobiz.internal.observe.VobizServerHealthCheck;
import dev.camelvobiz.internal.server.ServerSettings;
import dev.camelvobiz.internal.server.VobizServers;
import dev.camelvobiz.internal.server.WorkerPool;
import dev.camelvobiz.stream.StreamRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.concurrent.CamelThreadFactory;

/** The {@code vobiz:} component: live Vobiz call streams as Camel exchanges and producers. */
@Component("vobiz")
public class VobizComponent extends DefaultComponent {

    /** Accepted webhook signatures remembered by default: 9.3 MB when full (measured), 10 000 calls' worth. */
    static final int REMEMBERED_SIGNATURES = 50_000;

    @Metadata
    private VobizConfiguration configuration = new VobizConfiguration();

    @Metadata(
            label = "scale-out",
            description = "This instance's id, set on every consumer exchange as CamelVobizInstanceId and naming its"
                    + " inbox in forwardUri. Give each instance a stable id (e.g. the pod name); default: a random id"
                    + " per start.")
    private String instanceId;

    @Metadata(
            label = "scale-out",
            description = "The Camel endpoint each instance takes forwarded stream commands from, with the placeholder"
                    + " {instance} for the instance id, e.g. kafka:vobiz-commands-{instance} (with its brokers option) or"
                    + " jms:queue:vobiz-commands-{instance}. When set, a stream producer whose stream is held by the"
                    + " instance named in header CamelVobizInstanceId sends the command there and completes with its"
                    + " outcome.")
    private String forwardUri;

    @Metadata(
            label = "scale-out",
            defaultValue = "5000",
            javaType = "java.time.Duration",
            description = "How long a forwarded command waits for the owner's answer, beyond the time the owner"
                    + " says the command will take; then it fails with InstanceUnavailableException.")
    private long forwardTimeout = 5000;

    @Metadata(
            label = "advanced",
            autowired = true,
            description = "The Vert.x instance whose event loops serve the component's sockets; a single one in the"
                    + " registry (e.g. the application's own) is used by default. Without one the component runs its"
                    + " own, with eventLoops event loops, and closes it when it stops.")
    private Vertx vertx;

    @Metadata(
            label = "advanced",
            description = "How many event loops listen on each server port; each connection lives on one of them."
                    + " Default: one per available processor.")
    private int eventLoops = Runtime.getRuntime().availableProcessors();

    @Metadata(
            label = "advanced",
            defaultValue = "200",
            description =
                    "The most threads that run blocking work at once: stream routes with blocking=true (one"
                            + " thread per call at a time, at most), answer and callback routes. Idle threads end after a minute.")
    private int workerPoolSize = 200;

    @Metadata(
            label = "security",
            defaultValue = "10000",
            javaType = "java.time.Duration",
            description = "How long an HTTP client may take to send a whole request (headers and body), and may keep"
                    + " a connection open idle between requests, before it is closed. Slow or silent clients hold no"
                    + " thread, only their connection, and lose it after this.")
    private long requestTimeout = 10000;

    @Metadata(
            label = "security",
            defaultValue = "10000",
            description = "How many connections a server port keeps open at once that are not WebSockets (HTTP"
                    + " requests, and connections that have not said what they are yet); beyond it new ones are"
                    + " closed at once. Each costs memory, not a thread, and is closed after requestTimeout.")
    private int maxHttpConnections = 10000;

    private final StreamRegistry streams = new StreamRegistry();
    private VobizServers servers;
    private Vertx ownVertx; // created here (no shared one): closed on stop
    private ExecutorService workers;
    private volatile VobizApiClient apiClient;
    private ScheduledExecutorService timer;
    private volatile VobizMetrics metrics;
    private VobizServerHealthCheck healthCheck;
    private String registeredName; // the scheme of its endpoints, known from the first one
    private volatile CommandForwarding forwarding;
    private IdempotentRepository replays; // accepted webhook signatures, unless an endpoint brings its own

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        registerHealthCheck(StringHelper.before(uri, ":"));
        VobizEndpointKind kind = VobizEndpointKind.fromUri(remaining);
        EndpointOptions.check(kind, parameters.keySet());
        VobizEndpoint endpoint = new VobizEndpoint(uri, this, kind, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) == this) {
                EnvironmentSettings.verify(getCamelContext(), this, name, System.getenv());
            }
        }
        if (vertx == null) {
            ownVertx = Vertx.vertx(new VertxOptions()
                    .setEventLoopPoolSize(eventLoops)
                    .setWorkerPoolSize(2) // Vert.x's own blocking chores only; routes run on the component's pool
                    .setFileSystemOptions(
                            new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        }
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        workers = WorkerPool.create(
                workerPoolSize, new CamelThreadFactory(executors.getThreadNamePattern(), "VobizWorker", true));
        servers = new VobizServers(getCamelContext(), vertx(), workers);
        replays = MemoryIdempotentRepository.memoryIdempotentRepository(REMEMBERED_SIGNATURES);
        ServiceHelper.startService(replays);
        // Forwarding's deadlines and outboxes (streams pace on their own event loops). Unbounded queue:
        // Camel's default profile refuses a task beyond 1 000 queued ones.
        ThreadPoolProfile oneThread = new ThreadPoolProfileBuilder("VobizPlayout")
                .poolSize(1)
                .maxPoolSize(1)
                .maxQueueSize(-1)
                .build();
        timer = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "VobizPlayout", oneThread);
        // Camel Main binds its meter registry while the context starts: look once it has started.
        metrics = null;
        getCamelContext().addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) throws Exception {
                if (alreadyStarted) { // added to a running context: no "fully started" will follow
                    contextStarted();
                }
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
                contextStarted();
            }
        });
        if (registeredName != null) { // restarted: its endpoints exist already
            registerHealthCheck(registeredName);
        }
    }

    private void contextStarted() throws Exception {
        metrics();
        startForwarding();
        CamelContext context = getCamelContext();
        SecretMaskingConsole.installAll(context, () -> secretValues(context));
    }

    /** The secrets of every vobiz component of {@code context} and their endpoints ({@link VobizConfiguration#secretValues()}). */
    static Set<String> secretValues(CamelContext context) {
        Set<String> values = new HashSet<>();
        for (String name : context.getComponentNames()) {
            if (context.hasComponent(name) instanceof VobizComponent vobiz) {
                values.addAll(vobiz.getConfiguration().secretValues());
            }
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof VobizEndpoint vobiz) {
                values.addAll(vobiz.getConfiguration().secretValues());
            }
        }
        return values;
    }

    /**
     * Registers the servers' health check (with camel-health on the classpath) as {@code <name>-servers},
     * named after the scheme this component's endpoints use: a component learns the name it was added
     * under only from them, and a second vobiz component needs a check of its own.
     */
    private synchronized void registerHealthCheck(String name) {
        registeredName = name;
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (healthCheck == null && health != null) {
            healthCheck = new VobizServerHealthCheck(this, name);
            health.register(healthCheck);
        }
    }

    /** The inbox is a consumer of another component (Kafka, JMS): start it once every component can be used. */
    private synchronized void startForwarding() throws Exception {
        if (forwardUri != null && forwarding == null && isRunAllowed()) {
            CommandForwarding started = new CommandForwarding(
                    getCamelContext(), getInstanceId(), forwardUri, forwardTimeout, streams, timer);
            started.start();
            forwarding = started;
        }
    }

    @Override
    protected void doStop() throws Exception {
        CommandForwarding forwarded = forwarding;
        forwarding = null;
        if (forwarded != null) {
            forwarded.stop();
        }
        synchronized (this) {
            if (healthCheck != null) {
                HealthCheckRegistry.get(getCamelContext()).unregister(healthCheck);
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
            getCamelContext().getExecutorServiceManager().shutdownNow(timer);
            timer = null;
        }
        if (workers != null) {
            workers.shutdown(); // running route work finishes; nothing new is taken
            workers = null;
        }
        if (ownVertx != null) {
            ownVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ownVertx = null;
        }
        super.doStop();
    }

    /** This instance's forwarding of stream commands, or null when forwardUri is not set (or not started yet). */
    public CommandForwarding forwarding() {
        return forwarding;
    }

    public synchronized String getInstanceId() {
        if (instanceId == null) {
            instanceId = "vobiz-" + Long.toHexString(new SecureRandom().nextLong() >>> 16);
        }
        return instanceId;
    }

    public synchronized void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public String getForwardUri() {
        return forwardUri;
    }

    public void setForwardUri(String forwardUri) {
        this.forwardUri = forwardUri;
    }

    public long getForwardTimeout() {
        return forwardTimeout;
    }

    public void setForwardTimeout(long forwardTimeout) {
        this.forwardTimeout = forwardTimeout;
    }

    /** The Vert.x instance the servers run on: the one set or found in the registry, else the component's own. */
    public Vertx vertx() {
        return vertx != null ? vertx : ownVertx;
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    public int getEventLoops() {
        return eventLoops;
    }

    public void setEventLoops(int eventLoops) {
        this.eventLoops = eventLoops;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxHttpConnections() {
        return maxHttpConnections;
    }

    public void setMaxHttpConnections(int maxHttpConnections) {
        this.maxHttpConnections = maxHttpConnections;
    }

    /** Where blocking route work runs: stream routes with blocking=true, answer and callback routes. */
    public Executor workers() {
        return workers;
    }

    /** How this component's servers are run. */
    public ServerSettings serverSettings() {
        return new ServerSettings(eventLoops, requestTimeout, maxHttpConnections);
    }

    public VobizConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults every endpoint starts from. */
    public void setConfiguration(VobizConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The live streams of this component, which the stream producers send to. */
    public StreamRegistry streams() {
        return streams;
    }

    /** The REST client shared by this component's vobiz:api endpoints (one HTTP connection pool). */
    public VobizApiClient apiClient() {
        VobizApiClient client = apiClient;
        if (client == null) {
            synchronized (this) {
                if (apiClient == null) {
                    apiClient = new VobizApiClient();
                }
                client = apiClient;
            }
        }
        return client;
    }

    /** One thread for the component's own timed chores (forwarding deadlines): cheap, never blocking. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** The accepted webhook signatures this component remembers, for endpoints without a {@code replayRepository}. */
    public IdempotentRepository replays() {
        return replays;
    }

    /** Where this component's meters go (no-op without Micrometer); found once the context has started. */
    public VobizMetrics metrics() {
        VobizMetrics found = metrics;
        if (found == null) {
            synchronized (this) {
                if (metrics == null) {
                    metrics = Observability.metrics(getCamelContext());
                    metrics.activeCalls(streams::size);
                }
                found = metrics;
            }
        }
        return found;
    }

    public VobizServers servers() {
        return servers;
    }
}
