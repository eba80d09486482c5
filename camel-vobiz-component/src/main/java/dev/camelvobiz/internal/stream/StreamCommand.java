package dev.camelvobiz.internal.stream;

import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.VobizEndpointKind;
import dev.camelvobiz.audio.AudioData;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Wav;
import java.nio.ByteOrder;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One stream command with its options, run against a live stream: by the producer when the stream is
 * held here, by the instance that holds it when the command was forwarded.
 *
 * @param name           the checkpoint's name from the endpoint (else header, else generated)
 * @param awaitMillis    an awaited checkpoint's timeout (0: complete when written)
 * @param afterPlayedMillis how long a stop waits for the audio before it to play (0: at once)
 * @param audioFormat    the declared format of raw play bodies from the endpoint (else header, else the stream's)
 * @param roomTone       a play's body is the stream's looped room-tone bed, not speech
 */
public record StreamCommand(
        VobizEndpointKind kind,
        String name,
        long awaitMillis,
        long afterPlayedMillis,
        String audioFormat,
        boolean roomTone) {

    public StreamCommand {
        if (!kind.isStreamCommand()) {
            throw new IllegalArgumentException("vobiz:" + kind.uriName() + " is not a stream command");
        }
    }

    /** The command an endpoint's options describe. */
    public static StreamCommand of(VobizEndpointKind kind, VobizConfiguration configuration) {
        return new StreamCommand(
                kind,
                configuration.getName(),
                configuration.isAwait() ? configuration.getTimeout() : 0,
                configuration.isAfterPlayed() ? configuration.getTimeout() : 0,
                configuration.getAudioFormat(),
                configuration.isRoomTone());
    }

    /** How long this command may wait once its turn comes: an awaited outcome, a stop waiting for playback. */
    public long waitMillis() {
        return switch (kind) {
            case CHECKPOINT -> awaitMillis;
            case STOP -> afterPlayedMillis;
            default -> 0;
        };
    }

    /** Runs the command on {@code session} under Camel's async contract. */
    public boolean execute(CallSession session, Exchange exchange, AsyncCallback callback) {
        try {
            return switch (kind) {
                case PLAY -> play(session, exchange, callback);
                case CHECKPOINT -> checkpoint(session, exchange, callback);
                case CLEAR -> session.clearAudio(exchange, callback);
                default -> session.stop(afterPlayedMillis, exchange, callback);
            };
        } catch (Exception e) {
            // Only reached before anything was handed to the socket: the session methods never throw.
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    /** The play body as audio: AudioData, a WAV file, or raw bytes in the declared format. */
    public AudioData audio(Message message, AudioFormat streamFormat) throws Exception {
        if (message.getBody() instanceof AudioData data) {
            return data;
        }
        byte[] bytes = message.getMandatoryBody(byte[].class);
        return Wav.isWav(bytes) ? Wav.read(bytes) : new AudioData(bytes, declaredFormat(message, streamFormat));
    }

    private boolean play(CallSession session, Exchange exchange, AsyncCallback callback) throws Exception {
        Message message = exchange.getMessage();
        AudioData audio = audio(message, session.outboundFormat());
        if (roomTone) {
            return session.roomTone(audio.audio(), audio.format(), exchange, callback);
        }
        if (audio.audio().length == 0) {
            callback.done(true);
            return true;
        }
        Integer generation = message.getHeader(VobizConstants.GENERATION, Integer.class);
        return session.play(audio.audio(), audio.format(), generation, turnEnded(message), exchange, callback);
    }

    /**
     * Header CamelVobizTurnEnded as a {@link System#nanoTime()} reading (the playout's clock), or null:
     * epoch milliseconds and instants are moved back from now by how long ago they were.
     */
    private static Long turnEnded(Message message) {
        Object ended = message.getHeader(VobizConstants.TURN_ENDED);
        long now = System.nanoTime();
        long ago;
        if (ended == null || Boolean.FALSE.equals(ended)) {
            return null;
        } else if (Boolean.TRUE.equals(ended) || "true".equals(ended)) {
            ago = 0;
        } else if (ended instanceof java.time.Instant instant) {
            ago = java.time.Duration.between(instant, java.time.Instant.now()).toNanos();
        } else {
            Long millis = message.getHeader(VobizConstants.TURN_ENDED, Long.class);
            if (millis == null) {
                throw new IllegalArgumentException(
                        VobizConstants.TURN_ENDED + " must be epoch milliseconds, an Instant or true, not "
                                + ended.getClass().getSimpleName());
            }
            ago = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - millis);
        }
        return now - Math.max(0, ago);
    }

    /** Option audioFormat, else header CamelVobizAudioFormat, else the stream's own outbound format. */
    private AudioFormat declaredFormat(Message message, AudioFormat streamFormat) {
        if (audioFormat != null) {
            return AudioFormat.parse(audioFormat, ByteOrder.LITTLE_ENDIAN);
        }
        Object header = message.getHeader(VobizConstants.AUDIO_FORMAT);
        if (header instanceof AudioFormat format) {
            return format;
        }
        if (header != null) {
            return AudioFormat.parse(header.toString(), ByteOrder.LITTLE_ENDIAN);
        }
        return streamFormat;
    }

    private boolean checkpoint(CallSession session, Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        String checkpoint = name;
        if (checkpoint == null) {
            checkpoint = message.getHeader(VobizConstants.CHECKPOINT_NAME, String.class);
        }
        if (checkpoint == null || checkpoint.isBlank()) {
            checkpoint = session.nextCheckpointName();
        }
        message.setHeader(VobizConstants.CHECKPOINT_NAME, checkpoint);
        return session.checkpoint(
                checkpoint,
                awaitMillis,
                message.getHeader(VobizConstants.GENERATION, Integer.class),
                exchange,
                callback);
    }
}
