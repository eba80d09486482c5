package dev.camelvobiz;

import dev.camelvobiz.internal.answer.AnswerConsumer;
import dev.camelvobiz.internal.api.VobizApiProducer;
import dev.camelvobiz.internal.server.ServerAddress;
import dev.camelvobiz.internal.stream.StreamCommandProducer;
import dev.camelvobiz.internal.stream.StreamConsumer;
import dev.camelvobiz.internal.webhook.CallbackConsumer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Live phone calls on Vobiz (Plivo-compatible): the audio stream WebSocket as a consumer of call
 * events, the stream commands playAudio, checkpoint, clearAudio and stop as producers, the answer_url
 * and status callbacks as HTTP consumers, and the Audio Streams REST API as a producer.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "vobiz",
        title = "Vobiz",
        syntax = "vobiz:kind",
        category = {Category.NETWORKING},
        headersClass = VobizConstants.class)
public class VobizEndpoint extends DefaultEndpoint {

    /**
     * What the endpoint is: stream (consumer of a call's stream events); the stream commands play,
     * checkpoint, clear and stop (producers); api (REST producer); answer (the answer_url consumer);
     * callback (status callbacks and hang-up webhooks consumer).
     */
    @UriPath(enums = "stream,play,checkpoint,clear,stop,api,answer,callback")
    @Metadata(required = true)
    private final VobizEndpointKind kind;

    @UriParam
    private VobizConfiguration configuration;

    public VobizEndpoint(
            String uri, VobizComponent component, VobizEndpointKind kind, VobizConfiguration configuration) {
        super(uri, component);
        this.kind = kind;
        this.configuration = configuration;
    }

    @Override
    public VobizComponent getComponent() {
        return (VobizComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (kind.isConsumer()) {
            throw new IllegalArgumentException("vobiz:" + kind.uriName() + " is a consumer endpoint; use it in from()");
        }
        if (kind == VobizEndpointKind.API) {
            return new VobizApiProducer(this, getComponent().runtime().apiClient());
        }
        return new StreamCommandProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!kind.isConsumer()) {
            throw new IllegalArgumentException("vobiz:" + kind.uriName() + " is a producer endpoint; use it in to()");
        }
        if (configuration.getPath() == null) {
            configuration.setPath(
                    switch (kind) {
                        case ANSWER -> "/answer";
                        case CALLBACK -> "/events";
                        default -> "/media";
                    });
        }
        if (!configuration.getPath().startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + configuration.getPath());
        }
        Consumer consumer =
                switch (kind) {
                    case ANSWER -> new AnswerConsumer(this, processor);
                    case CALLBACK -> new CallbackConsumer(this, processor);
                    default ->
                        new StreamConsumer(this, processor, getComponent().runtime());
                };
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The shared server this endpoint's consumer is served on: TLS with its own sslContextParameters,
     * else the context's global ones when the component says to use them.
     */
    public ServerAddress serverAddress() {
        SSLContextParameters tls = configuration.getSslContextParameters();
        if (tls == null && getComponent().isUseGlobalSslContextParameters()) {
            tls = getComponent().retrieveGlobalSslContextParameters();
        }
        return new ServerAddress(configuration.getHost(), configuration.getPort(), tls);
    }

    public VobizEndpointKind getKind() {
        return kind;
    }

    public VobizConfiguration getConfiguration() {
        return configuration;
    }
}
