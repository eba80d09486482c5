package dev.camelvobiz.internal.answer;

import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizEndpoint;
import dev.camelvobiz.answer.AnswerData;
import dev.camelvobiz.answer.AnswerEnums.StreamContentType;
import dev.camelvobiz.answer.InvalidAnswerException;
import dev.camelvobiz.answer.MiniVoice;
import dev.camelvobiz.answer.VobizXml;
import dev.camelvobiz.internal.observe.LogSafe;
import dev.camelvobiz.internal.server.AllowedHosts;
import dev.camelvobiz.internal.server.HttpCall;
import dev.camelvobiz.internal.webhook.WebhookConsumer;
import dev.camelvobiz.internal.webhook.WebhookRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vobiz:answer}: the answer_url. The route's body is the reply: a {@link VobizXml}, a
 * {@link MiniVoice}, the YAML data form, or the document as a String. A route that sets no answer
 * (the body is still the request's fields, or empty) gets the default answer built from the
 * endpoint's options: a bidirectional Stream to this application's own stream consumer.
 */
public class AnswerConsumer extends WebhookConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerConsumer.class);
    private static final String XML = "application/xml";
    private static final String JSON = "application/json";

    public AnswerConsumer(VobizEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /**
     * Without publicUrl the default answer builds the call's stream URL from the request's Host header:
     * safe on loopback (behind a tunnel), or when allowedHosts limits it; anywhere else a stranger could
     * point a call's audio at a host of their own, so the route does not start.
     */
    @Override
    protected void doStart() throws Exception {
        VobizConfiguration options = configuration();
        if (options.getPublicUrl() == null
                && new AllowedHosts(options.getAllowedHosts()).isEmpty()
                && !AllowedHosts.isLoopback(options.getHost())) {
            throw new IllegalArgumentException("vobiz:answer " + options.getPath() + " listens on " + options.getHost()
                    + " without publicUrl: its default answer would build the call's stream URL from whatever Host"
                    + " header a client sends. Set publicUrl (the URL Vobiz reaches this application at), or"
                    + " allowedHosts, or host=127.0.0.1 behind a tunnel");
        }
        super.doStart();
    }

    @Override
    protected void reply(Exchange exchange, WebhookRequest webhook, HttpCall call) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        String contentType;
        String document;
        String token = null; // the stream's secret, if the default answer carries it: never logged
        try {
            if (body == null || body == webhook.fields() || (body instanceof String text && text.isBlank())) {
                String streamPath = configuration().getStreamPath();
                token = streamPath == null ? null : server().streamToken(streamPath);
                document = defaultAnswer(configuration(), call.requestBase(), token)
                        .toXml();
                contentType = XML;
            } else if (body instanceof VobizXml xml) {
                document = xml.toXml();
                contentType = XML;
            } else if (body instanceof MiniVoice miniVoice) {
                document = miniVoice.toJson();
                contentType = JSON;
            } else if (body instanceof List<?> data) {
                document = AnswerData.toVobizXml(data).toXml();
                contentType = XML;
            } else if (body instanceof Map<?, ?> data && data.containsKey("actions")) {
                document = MiniVoice.fromData(data).toJson();
                contentType = JSON;
            } else {
                document = message.getBody(String.class);
                String declared = message.getHeader(Exchange.CONTENT_TYPE, String.class);
                String start = document.trim();
                if (declared != null) {
                    contentType = declared;
                } else if (start.startsWith("{")) {
                    contentType = JSON;
                } else if (start.startsWith("<")) {
                    contentType = XML;
                } else {
                    Object data = AnswerData.fromYaml(document);
                    document = data instanceof MiniVoice miniVoice ? miniVoice.toJson() : ((VobizXml) data).toXml();
                    contentType = data instanceof MiniVoice ? JSON : XML;
                }
            }
        } catch (RuntimeException e) {
            getExceptionHandler()
                    .handleException(
                            "vobiz:answer cannot answer call " + LogSafe.value(webhook.field("CallUUID")), exchange, e);
            call.reply(500, "text/plain", "No valid answer");
            return;
        }
        if (LOG.isDebugEnabled()) {
            String shown = token == null
                    ? document
                    : document.replace(URLEncoder.encode(token, StandardCharsets.UTF_8), "xxxxxx");
            LOG.debug("Answering call {} with {}", LogSafe.value(webhook.field("CallUUID")), shown);
        }
        call.reply(200, contentType, document);
    }

    /**
     * The answer an endpoint's options describe: a Stream to our own stream consumer, with the token
     * that consumer requires, if any, as the path segment it accepts.
     */
    static VobizXml defaultAnswer(VobizConfiguration configuration, String requestBase, String streamToken) {
        String streamUrl = configuration.getStreamUrl();
        String base = publicBase(configuration, requestBase);
        if (streamUrl == null) {
            if (configuration.getStreamPath() == null) {
                throw new InvalidAnswerException("The route set no answer and vobiz:answer has neither streamPath nor"
                        + " streamUrl to build the default one from");
            }
            streamUrl = base.replaceFirst("^http", "ws")
                    + configuration.getStreamPath()
                    + (streamToken == null ? "" : "/" + URLEncoder.encode(streamToken, StandardCharsets.UTF_8));
        }
        String statusCallbackUrl =
                configuration.getStatusCallbackPath() == null ? null : base + configuration.getStatusCallbackPath();
        boolean bidirectional = configuration.isBidirectional();
        return VobizXml.response().stream(streamUrl, stream -> stream.bidirectional(bidirectional)
                .keepCallAlive(bidirectional && configuration.isKeepCallAlive())
                .contentType(StreamContentType.parse(configuration.getContentType()))
                .statusCallbackUrl(statusCallbackUrl));
    }

    /** {@code publicUrl}, or the scheme and host the request came in on. */
    private static String publicBase(VobizConfiguration configuration, String requestBase) {
        String publicUrl = configuration.getPublicUrl();
        if (publicUrl != null) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        return requestBase;
    }
}
