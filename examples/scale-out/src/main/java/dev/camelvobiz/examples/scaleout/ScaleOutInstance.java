package dev.camelvobiz.examples.scaleout;

import dev.camelvobiz.VobizComponent;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One instance of the application: its own Camel context, vobiz server and instance id, sharing only
 * the transport with the others (in production, one per process or pod behind the load balancer).
 */
public final class ScaleOutInstance implements AutoCloseable {

    private final String id;
    private final int port;
    private final CamelContext context;

    private ScaleOutInstance(String id, int port, CamelContext context) {
        this.id = id;
        this.port = port;
        this.context = context;
    }

    /**
     * Starts instance {@code id} on {@code port}: answers on {@code /answer}, streams on {@code /media},
     * publishes its calls' events and takes forwarded commands through {@code transport}.
     */
    public static ScaleOutInstance start(
            String id, int port, Transport transport, Duration forwardTimeout, Duration playLead, RoutesBuilder... more)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(id);
        transport.broker().bindTo(context);
        VobizComponent vobiz = new VobizComponent();
        vobiz.setInstanceId(id);
        vobiz.setForwardUri(transport.forwardUri());
        vobiz.setForwardTimeout(forwardTimeout.toMillis());
        vobiz.getConfiguration().setHost("127.0.0.1");
        vobiz.getConfiguration().setPort(port);
        // Stickiness: this instance's own URL goes into <Stream>, so the call's stream comes back here.
        vobiz.getConfiguration().setPublicUrl("http://127.0.0.1:" + port);
        vobiz.getConfiguration().setStreamPath("/media");
        vobiz.getConfiguration().setPlayLead(playLead.toMillis());
        context.addComponent("vobiz", vobiz);
        context.addRoutes(new InstanceRoutes(transport));
        for (RoutesBuilder routes : more) {
            context.addRoutes(routes);
        }
        context.start();
        return new ScaleOutInstance(id, port, context);
    }

    public String id() {
        return id;
    }

    /** What the load balancer sends a new call's answer_url request to. */
    public String answerUrl() {
        return "http://127.0.0.1:" + port + "/answer";
    }

    public CamelContext context() {
        return context;
    }

    /** Stops the instance: its calls close, their closed events are still published. */
    @Override
    public void close() {
        context.stop();
    }
}
