package dev.camelvobiz.stream;

import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.VobizEndpoint;
import dev.camelvobiz.VobizEndpointKind;
import dev.camelvobiz.audio.AudioData;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Wav;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * {@code vobiz:play}, {@code vobiz:checkpoint}, {@code vobiz:clear} and {@code vobiz:stop}: one command
 * to one live stream. The exchange completes when the command has been written to the socket (for
 * play: its last frame, paced to real time), or, for an awaited checkpoint, when its outcome is known;
 * an unknown or closed stream fails it before anything is sent.
 */
public class StreamCommandProducer extends DefaultAsyncProducer {

    private final VobizEndpointKind kind;
    private final VobizConfiguration configuration;
    private final StreamRegistry streams;

    public StreamCommandProducer(VobizEndpoint endpoint, StreamRegistry streams) {
        super(endpoint);
        this.kind = endpoint.getKind();
        this.configuration = endpoint.getConfiguration();
        this.streams = streams;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            CallSession session = target(exchange.getMessage());
            return switch (kind) {
                case PLAY -> play(session, exchange, callback);
                case CHECKPOINT -> checkpoint(session, exchange, callback);
                case CLEAR -> session.clearAudio(exchange, callback);
                case STOP ->
                    session.stop(configuration.isAfterPlayed() ? configuration.getTimeout() : 0, exchange, callback);
                default -> throw new IllegalStateException("vobiz:" + kind.uriName() + " is not a stream command");
            };
        } catch (Exception e) {
            // Only reached before anything was handed to the socket: the session methods never throw.
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private boolean play(CallSession session, Exchange exchange, AsyncCallback callback) throws Exception {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        AudioData audio;
        if (body instanceof AudioData data) {
            audio = data;
        } else {
            byte[] bytes = message.getMandatoryBody(byte[].class);
            audio = Wav.isWav(bytes) ? Wav.read(bytes) : new AudioData(bytes, declaredFormat(message, session));
        }
        if (audio.audio().length == 0) {
            callback.done(true);
            return true;
        }
        Integer generation = message.getHeader(VobizConstants.GENERATION, Integer.class);
        return session.play(audio.audio(), audio.format(), generation, exchange, callback);
    }

    /** Header CamelVobizAudioFormat, else option audioFormat, else the stream's own outbound format. */
    private AudioFormat declaredFormat(Message message, CallSession session) {
        Object header = message.getHeader(VobizConstants.AUDIO_FORMAT);
        if (header instanceof AudioFormat format) {
            return format;
        }
        if (header != null) {
            return AudioFormat.parse(header.toString(), java.nio.ByteOrder.LITTLE_ENDIAN);
        }
        if (configuration.getAudioFormat() != null) {
            return AudioFormat.parse(configuration.getAudioFormat(), java.nio.ByteOrder.LITTLE_ENDIAN);
        }
        return session.outboundFormat();
    }

    private boolean checkpoint(CallSession session, Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        String name = configuration.getName();
        if (name == null) {
            name = message.getHeader(VobizConstants.CHECKPOINT_NAME, String.class);
        }
        if (name == null || name.isBlank()) {
            name = session.nextCheckpointName();
        }
        message.setHeader(VobizConstants.CHECKPOINT_NAME, name);
        return session.checkpoint(
                name,
                configuration.isAwait() ? configuration.getTimeout() : 0,
                message.getHeader(VobizConstants.GENERATION, Integer.class),
                exchange,
                callback);
    }

    /** Option streamId, else header CamelVobizStreamId, else the newest live stream of CamelVobizCallId. */
    private CallSession target(Message message) {
        String streamId = configuration.getStreamId();
        if (streamId == null) {
            streamId = message.getHeader(VobizConstants.STREAM_ID, String.class);
        }
        if (streamId != null) {
            return streams.byStreamId(streamId);
        }
        String callId = message.getHeader(VobizConstants.CALL_ID, String.class);
        if (callId != null) {
            return streams.byCallId(callId);
        }
        throw new StreamNotFoundException(
                "vobiz:" + kind.uriName()
                        + " needs a target stream: set the streamId option, or the header CamelVobizStreamId or CamelVobizCallId");
    }
}
