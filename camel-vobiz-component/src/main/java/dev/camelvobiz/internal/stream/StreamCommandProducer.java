package dev.camelvobiz.internal.stream;

import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.VobizEndpoint;
import dev.camelvobiz.VobizEndpointKind;
import dev.camelvobiz.internal.VobizRuntime;
import dev.camelvobiz.internal.forward.CommandForwarding;
import dev.camelvobiz.stream.StreamClosedException;
import dev.camelvobiz.stream.StreamNotFoundException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * {@code vobiz:play}, {@code vobiz:checkpoint}, {@code vobiz:clear} and {@code vobiz:stop}: one command
 * to one live stream. The exchange completes when the command has been written to the socket (for
 * play: its last frame, paced to real time), or, for an awaited checkpoint, when its outcome is known;
 * an unknown or closed stream fails it before anything is sent. A stream held by another instance
 * (header {@code CamelVobizInstanceId}) gets the command through the component's forwarding, when
 * configured, and the exchange completes with the outcome the owner reports.
 */
public class StreamCommandProducer extends DefaultAsyncProducer {

    private final StreamCommand command;
    private final VobizConfiguration configuration;
    private final StreamRegistry streams;
    private final VobizRuntime runtime;

    public StreamCommandProducer(VobizEndpoint endpoint) {
        super(endpoint);
        this.command = StreamCommand.of(endpoint.getKind(), endpoint.getConfiguration());
        this.configuration = endpoint.getConfiguration();
        this.runtime = endpoint.getComponent().runtime();
        this.streams = runtime.streams();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        String streamId = configuration.getStreamId();
        if (streamId == null) {
            streamId = message.getHeader(VobizConstants.STREAM_ID, String.class);
        }
        String callId = streamId == null ? message.getHeader(VobizConstants.CALL_ID, String.class) : null;
        if (streamId == null && callId == null) {
            return fail(
                    exchange,
                    callback,
                    new StreamNotFoundException(
                            "vobiz:" + command.kind().uriName()
                                    + " needs a target stream: set the streamId option, or the header CamelVobizStreamId or CamelVobizCallId"));
        }
        CallSession session = streams.find(streamId, callId);
        if (session != null) {
            return command.execute(session, exchange, callback);
        }
        String owner = message.getHeader(VobizConstants.INSTANCE_ID, String.class);
        CommandForwarding forwarding = runtime.forwarding();
        if (forwarding != null && owner != null && !owner.equals(forwarding.instanceId())) {
            return forwarding.forward(owner, command, streamId, callId, exchange, callback);
        }
        RuntimeException notLive = streams.whyNotLive(streamId, callId);
        if (command.kind() == VobizEndpointKind.STOP && notLive instanceof StreamClosedException) {
            message.setHeader(VobizConstants.ALREADY_STOPPED, true); // a stop after the call ended is done
            callback.done(true);
            return true;
        }
        return fail(exchange, callback, notLive);
    }

    private static boolean fail(Exchange exchange, AsyncCallback callback, Exception failure) {
        exchange.setException(failure);
        callback.done(true);
        return true;
    }
}
