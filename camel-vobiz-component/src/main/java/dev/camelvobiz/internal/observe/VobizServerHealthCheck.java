package dev.camelvobiz.internal.observe;

import dev.camelvobiz.internal.VobizRuntime;
import dev.camelvobiz.internal.server.VobizServer;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness and liveness of a vobiz component: DOWN when one of its servers is not accepting
 * connections (Vobiz could not reach the calls' streams or the answer URL), with the live call count.
 */
public final class VobizServerHealthCheck implements HealthCheck {

    private final VobizRuntime runtime;
    private final String id;
    private volatile boolean enabled = true;

    public VobizServerHealthCheck(VobizRuntime runtime, String componentName) {
        this.runtime = runtime;
        this.id = componentName + "-servers";
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        List<VobizServer> servers =
                runtime.servers() == null ? List.of() : runtime.servers().running();
        result.detail("calls.active", runtime.streams().size());
        String down = null;
        for (VobizServer server : servers) {
            String name = server.address().host() + ":" + server.localPort();
            boolean listening = server.isListening();
            result.detail("server." + name, listening ? "listening " + server.paths() : "not listening");
            result.detail("server." + name + ".connections", server.openConnections());
            if (!listening && down == null) {
                down = "Vobiz server " + name + " is not accepting connections";
            }
        }
        return down == null ? result.up().build() : result.down().message(down).build();
    }
}
