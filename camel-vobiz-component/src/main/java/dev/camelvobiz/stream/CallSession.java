package dev.camelvobiz.stream;

import dev.camelvobiz.audio.AudioFormat;
import java.util.List;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * One live stream as the producers see it: ordered commands to one socket. Each command method follows
 * Camel's async contract: it returns {@code true} when it completed synchronously (including failures
 * set on the exchange before anything was sent), otherwise the callback is called exactly once, later.
 * A command completes when its frames have been written to the socket.
 */
public interface CallSession {

    String streamId();

    String callId();

    /** The stream's inbound format, from {@code start}; the default format of audio we send. */
    AudioFormat format();

    /** Sends {@code frames}, each exactly 20 ms of {@code format}, as consecutive {@code playAudio} messages. */
    boolean playAudio(List<byte[]> frames, AudioFormat format, Exchange exchange, AsyncCallback callback);

    boolean checkpoint(String name, Exchange exchange, AsyncCallback callback);

    boolean clearAudio(Exchange exchange, AsyncCallback callback);

    boolean stop(Exchange exchange, AsyncCallback callback);

    /** A name unique on this stream, for a checkpoint the route did not name. */
    String nextCheckpointName();
}
