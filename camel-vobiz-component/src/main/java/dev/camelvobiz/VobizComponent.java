package dev.camelvobiz;

import dev.camelvobiz.api.VobizApiClient;
import dev.camelvobiz.observe.Observability;
import dev.camelvobiz.observe.VobizMetrics;
import dev.camelvobiz.observe.VobizServerHealthCheck;
import dev.camelvobiz.server.VobizServers;
import dev.camelvobiz.stream.StreamRegistry;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code vobiz:} component: live Vobiz call streams as Camel exchanges and producers. */
@Component("vobiz")
public class VobizComponent extends DefaultComponent {

    @Metadata
    private VobizConfiguration configuration = new VobizConfiguration();

    private final StreamRegistry streams = new StreamRegistry();
    private VobizServers servers;
    private volatile VobizApiClient apiClient;
    private ScheduledExecutorService timer;
    private volatile VobizMetrics metrics;
    private VobizServerHealthCheck healthCheck;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        VobizEndpointKind kind = VobizEndpointKind.fromUri(remaining);
        VobizEndpoint endpoint = new VobizEndpoint(uri, this, kind, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        servers = new VobizServers(getCamelContext());
        timer = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "VobizPlayout");
        // Camel Main binds its meter registry while the context starts: look once it has started.
        metrics = null;
        getCamelContext().addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {}

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                metrics();
            }
        });
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null) { // camel-health is on the classpath
            healthCheck = new VobizServerHealthCheck(this, getDefaultName());
            health.register(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            HealthCheckRegistry.get(getCamelContext()).unregister(healthCheck);
            healthCheck = null;
        }
        VobizMetrics stopped = metrics;
        metrics = VobizMetrics.NONE; // a late frame or REST reply while stopping must not register meters again
        if (stopped != null) {
            stopped.close();
        }
        if (servers != null) {
            servers.stopAll();
        }
        if (timer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(timer);
            timer = null;
        }
        super.doStop();
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

    /** One thread for every stream's pacing and checkpoint timeouts (cheap timer work, never blocking). */
    public ScheduledExecutorService timer() {
        return timer;
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
