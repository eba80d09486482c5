package dev.camelvobiz.internal.webhook;

import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.VobizEndpoint;
import dev.camelvobiz.internal.VobizRuntime;
import dev.camelvobiz.internal.observe.LogSafe;
import dev.camelvobiz.internal.observe.PeerMistakes;
import dev.camelvobiz.internal.observe.Refusal;
import dev.camelvobiz.internal.server.AllowedHosts;
import dev.camelvobiz.internal.server.HttpCall;
import dev.camelvobiz.internal.server.HttpRoute;
import dev.camelvobiz.internal.server.VobizServer;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP consumer on the shared server for requests the platform sends (answer_url, callbacks): reads
 * and checks the request (size, signature), turns its fields into headers and a {@code Map} body, runs
 * the route, and lets the subclass write the reply. A bad request never reaches the route; a failing
 * route gets a 500 without its stack trace. A correctly signed request is accepted once: its signature
 * is remembered ({@code replayRepository}), and the same signature again is refused, unless the first
 * was not answered with success (the platform may then retry it).
 */
public abstract class WebhookConsumer extends DefaultConsumer implements HttpRoute {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookConsumer.class);

    private final VobizConfiguration configuration;
    private final PeerMistakes refusals = new PeerMistakes(LOG);
    private IdempotentRepository replays;
    private VobizRuntime runtime;
    private AllowedHosts allowedHosts;
    private VobizServer server;

    protected WebhookConsumer(VobizEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public VobizEndpoint getEndpoint() {
        return (VobizEndpoint) super.getEndpoint();
    }

    protected VobizConfiguration configuration() {
        return configuration;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        allowedHosts = new AllowedHosts(configuration.getAllowedHosts());
        runtime = getEndpoint().getComponent().runtime();
        replays = configuration.getReplayRepository();
        if (replays == null) {
            replays = runtime.replays();
        } else {
            ServiceHelper.startService(replays);
        }
        server = runtime.servers()
                .addHttpRoute(getEndpoint().serverAddress(), runtime.serverSettings(), configuration.getPath(), this);
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            runtime.servers().removeRoute(server, configuration.getPath());
            server = null;
        }
        super.doStop();
    }

    /** The server this consumer is served on, while started. */
    protected VobizServer server() {
        return server;
    }

    /** The port this consumer is served on (useful with port 0). */
    public int getLocalPort() {
        return server == null ? -1 : server.localPort();
    }

    @Override
    public void handle(HttpCall call) {
        if (configuration.getPublicUrl() == null && !allowedHosts.allows(call.host())) {
            refuse(call, Refusal.HOST, 421, "Misdirected request", "Host " + call.host() + " is not in allowedHosts");
            return;
        }
        WebhookRequest webhook;
        try {
            webhook = WebhookRequest.read(call);
        } catch (WebhookRequest.BadRequestException e) {
            refuse(call, Refusal.BAD_REQUEST, e.status(), e.getMessage(), e.getMessage());
            return;
        }
        String replayKey = null;
        if (signatureRequired()) {
            WebhookSignatures.Verdict verdict = WebhookSignatures.check(
                    call::header,
                    signedUrl(call),
                    webhook.rawBody(),
                    configuration.getAuthToken(),
                    configuration.getWebhookSecret(),
                    configuration.getSignatureWindow());
            if (!verdict.accepted()) {
                refuse(call, Refusal.SIGNATURE, 403, "Signature check failed", verdict.problem());
                return;
            }
            replayKey = verdict.replayKey();
            if (!replays.add(replayKey)) {
                refuse(call, Refusal.REPLAY, 403, "Signature check failed", "a signature accepted before (replay)");
                return;
            }
        }
        try {
            route(webhook, call);
        } finally {
            if (replayKey != null && (call.status() < 200 || call.status() > 299)) {
                replays.remove(replayKey); // not done: the platform may retry with the same signature
            }
        }
    }

    /** Refuses a request before the route: counted, logged (rate-limited, escaped), answered with {@code status}. */
    private void refuse(HttpCall call, Refusal reason, int status, String reply, String why) {
        runtime.metrics().refused(reason);
        refusals.report(
                "Refused a request to vobiz:" + getEndpoint().getKind().uriName() + " " + configuration.getPath() + " ("
                        + status + "): " + why,
                null);
        call.reply(status, "text/plain", reply);
    }

    private void route(WebhookRequest webhook, HttpCall call) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            setHeaders(message, webhook);
            message.setHeader(VobizConstants.INSTANCE_ID, runtime.instanceId());
            message.setBody(webhook.fields());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException(
                                "vobiz:" + getEndpoint().getKind().uriName() + " route failed for call "
                                        + LogSafe.value(webhook.field("CallUUID")),
                                exchange,
                                exchange.getException());
                call.reply(500, "text/plain", "The route failed");
                return;
            }
            reply(exchange, webhook, call);
        } catch (Exception e) {
            getExceptionHandler()
                    .handleException("vobiz:" + getEndpoint().getKind().uriName() + " route failed", e);
            call.reply(500, "text/plain", "The route failed");
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private boolean signatureRequired() {
        Boolean verify = configuration.getVerifySignature();
        if (verify != null) {
            return verify;
        }
        return configuration.getAuthToken() != null || configuration.getWebhookSecret() != null;
    }

    /** The URL the platform signed: the public URL when this app sits behind a tunnel, else the request's. */
    private String signedUrl(HttpCall call) {
        String publicUrl = configuration.getPublicUrl();
        if (publicUrl != null) {
            return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + call.path();
        }
        return call.requestBase() + call.path();
    }

    /** Ids and call facts as headers; never raw HTTP headers (DESIGN). */
    private static void setHeaders(Message message, WebhookRequest webhook) {
        Map<String, Object> fields = webhook.fields();
        putIfPresent(message, VobizConstants.EVENT, first(fields, "Event", "event"));
        putIfPresent(message, VobizConstants.CALL_ID, first(fields, "CallUUID", "call_uuid"));
        putIfPresent(message, VobizConstants.STREAM_ID, first(fields, "StreamID", "stream_id"));
        putIfPresent(message, VobizConstants.FROM, first(fields, "From", "from"));
        putIfPresent(message, VobizConstants.TO, first(fields, "To", "to"));
        putIfPresent(message, VobizConstants.DIRECTION, first(fields, "Direction", "direction"));
        putIfPresent(message, VobizConstants.CALL_STATUS, first(fields, "CallStatus", "status"));
        // the makeCall request that placed the call: ALegRequestUUID on Vobiz's pages, RequestUUID on Plivo's
        putIfPresent(message, VobizConstants.REQUEST_UUID, first(fields, "ALegRequestUUID", "RequestUUID"));
        if ("PlayedStream".equals(fields.get("Event"))) {
            putIfPresent(message, VobizConstants.CHECKPOINT_NAME, fields.get("Name"));
        }
        if (fields.get("call") instanceof Map<?, ?> call) { // MiniVoice webhooks nest the call
            putIfPresent(message, VobizConstants.CALL_ID, call.get("id"));
            putIfPresent(message, VobizConstants.FROM, call.get("from"));
            putIfPresent(message, VobizConstants.TO, call.get("to"));
            putIfPresent(message, VobizConstants.DIRECTION, call.get("direction"));
            putIfPresent(message, VobizConstants.CALL_STATUS, call.get("status"));
        }
    }

    private static Object first(Map<String, Object> fields, String name, String alternative) {
        Object value = fields.get(name);
        return value != null ? value : fields.get(alternative);
    }

    private static void putIfPresent(Message message, String header, Object value) {
        if (value != null && !(value instanceof Map) && !value.toString().isEmpty()) {
            message.setHeader(header, value.toString());
        }
    }

    /** Writes the reply to a request the route has handled. */
    protected abstract void reply(Exchange exchange, WebhookRequest webhook, HttpCall call);
}
