package dev.camelvobiz.examples.agent;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Plays a TTS response while it is still arriving: reads the streamed PCM body in 100 ms chunks and
 * hands each to {@code vobiz:play} at once, so the caller hears the start of the answer before the
 * service has finished making it. Each chunk carries the turn's generation: after a barge-in the rest
 * is dropped unsent.
 */
public class SpeechPlayer {

    private final AudioFormat format;
    private final int chunkBytes;

    /** {@code contentType} of the TTS PCM, e.g. {@code audio/x-l16;rate=24000;endian=little} (OpenAI's "pcm"). */
    public SpeechPlayer(String contentType) {
        this.format = AudioFormat.parse(contentType, ByteOrder.LITTLE_ENDIAN);
        this.chunkBytes = format.sampleRate() / 10 * format.bytesPerSample();
    }

    public void play(Exchange exchange) throws Exception {
        ProducerTemplate producer = exchange.getContext().createProducerTemplate();
        String streamId = exchange.getMessage().getHeader(VobizConstants.STREAM_ID, String.class);
        Object generation = exchange.getMessage().getHeader(VobizConstants.GENERATION);
        Object turnEnded = exchange.getMessage().getHeader(VobizConstants.TURN_ENDED); // null for the greeting
        long bytes = 0;
        long total = 0;
        try (InputStream speech = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            byte[] chunk;
            while ((chunk = speech.readNBytes(chunkBytes)).length > 0) {
                byte[] audio = chunk.length % 2 == 0 ? chunk : Arrays.copyOf(chunk, chunk.length - 1);
                bytes += audio.length;
                Object answering = turnEnded;
                Exchange play = producer.send("vobiz:play", e -> {
                    e.getMessage().setHeader(VobizConstants.STREAM_ID, streamId);
                    e.getMessage().setHeader(VobizConstants.GENERATION, generation);
                    e.getMessage().setHeader(VobizConstants.AUDIO_FORMAT, format);
                    e.getMessage().setBody(audio);
                    if (answering != null) {
                        e.getMessage().setHeader(VobizConstants.TURN_ENDED, answering);
                    }
                });
                if (turnEnded != null) { // the first chunk answered the turn: its latency is the turn's
                    exchange.getMessage()
                            .setHeader(
                                    VobizConstants.TURN_LATENCY,
                                    play.getMessage().getHeader(VobizConstants.TURN_LATENCY));
                    turnEnded = null;
                }
                if (play.getException() != null) {
                    throw new IOException(
                            "Could not play the answer: " + play.getException().getMessage(), play.getException());
                }
                if (play.getMessage().getHeader(VobizConstants.DISCARDED_FRAMES) != null) {
                    // the caller barged in: the rest is stale; read it only to learn how long the answer was
                    total = bytes + speech.transferTo(OutputStream.nullOutputStream());
                    break;
                }
            }
        } finally {
            producer.close();
        }
        exchange.getMessage().setHeader("SpokenMillis", format.millis(bytes));
        exchange.getMessage().setHeader("AnswerMillis", format.millis(Math.max(total, bytes)));
    }
}
