package dev.camelvobiz;

import dev.camelvobiz.internal.VobizRuntime;
import dev.camelvobiz.internal.observe.SecretMaskingConsole;
import dev.camelvobiz.internal.server.ServerSettings;
import io.vertx.core.Vertx;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.StringHelper;

/** The {@code vobiz:} component: live Vobiz call streams as Camel exchanges and producers. */
@Component("vobiz")
public class VobizComponent extends HealthCheckComponent implements SSLContextParametersAware {

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

    @Metadata(
            label = "producer,api,advanced",
            description = "The HTTP client vobiz:api sends its requests with: give one built with a proxy, an"
                    + " SSLContext, an authenticator or its own connect timeout. Default: the component's own,"
                    + " with a 5 s connect timeout. Its requests still carry the account headers, apiTimeout and"
                    + " the retry rules.")
    private HttpClient httpClient;

    @Metadata(
            label = "security",
            defaultValue = "false",
            description = "Serve TLS (https://, wss://) with the CamelContext's global sslContextParameters on every"
                    + " server whose endpoints set none of their own.")
    private boolean useGlobalSslContextParameters;

    private VobizRuntime runtime; // created at init, once: its stream registry outlives restarts
    private String registeredName; // the scheme of its endpoints, known from the first one

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
    protected void doInit() throws Exception {
        super.doInit();
        runtime = new VobizRuntime(getCamelContext());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) == this) {
                EnvironmentSettings.verify(getCamelContext(), this, name, System.getenv());
            }
        }
        CamelContext context = getCamelContext();
        runtime.start(
                new VobizRuntime.Settings(
                        vertx,
                        workerPoolSize,
                        new ServerSettings(eventLoops, requestTimeout, maxHttpConnections),
                        getInstanceId(),
                        forwardUri,
                        forwardTimeout,
                        httpClient),
                () -> SecretMaskingConsole.installAll(context, () -> secretValues(context)));
        if (registeredName != null) { // restarted: its endpoints exist already
            registerHealthCheck(registeredName);
        }
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

    /** The servers' check, unless healthCheckConsumerEnabled is off (the consumers are what it checks). */
    private synchronized void registerHealthCheck(String name) {
        registeredName = name;
        if (isHealthCheckConsumerEnabled()) {
            runtime.registerHealthCheck(name);
        }
    }

    @Override
    protected void doStop() throws Exception {
        runtime.stop();
        super.doStop();
    }

    /**
     * What this component's endpoints share while it runs (servers, live streams, worker pool, meters,
     * forwarding, REST client). Machinery, for the component's own consumers and producers.
     */
    public VobizRuntime runtime() {
        return runtime;
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

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public VobizConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults every endpoint starts from. */
    public void setConfiguration(VobizConfiguration configuration) {
        this.configuration = configuration;
    }
}
