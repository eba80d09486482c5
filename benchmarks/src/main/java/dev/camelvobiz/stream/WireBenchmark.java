package dev.camelvobiz.stream;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-frame wire path without the network: reading one inbound {@code media} message (JSON and
 * base64, into the reused frame), making its exchange with the headers the consumer sets, and
 * writing one outbound {@code playAudio}. In this package to reach the package-private reader and
 * writer; run with {@code -prof gc} for the bytes allocated per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WireBenchmark {

    private final WireReader reader = new WireReader();
    private final InboundFrame frame = new InboundFrame();
    private byte[] mediaMessage;
    private byte[] playAudioPrefix;
    private byte[] audio;
    private CamelContext camel;

    @Setup(Level.Trial)
    public void setUp() {
        audio = new byte[320];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 7);
        }
        mediaMessage = ("{\"sequenceNumber\":1234,\"streamId\":\"b77e037d-4119-44b5-902d-25826b654539\","
                        + "\"event\":\"media\",\"media\":{\"track\":\"inbound\",\"timestamp\":\"1778597597091\","
                        + "\"chunk\":1233,\"payload\":\"" + Base64.getEncoder().encodeToString(audio) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        playAudioPrefix = new WireWriter("b77e037d-4119-44b5-902d-25826b654539")
                .playAudioPrefix(AudioFormat.L16_8K.withByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN));
        camel = new DefaultCamelContext();
        camel.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        camel.stop();
    }

    /** JSON and base64 of one inbound media message into the reused frame. */
    @Benchmark
    public InboundFrame readMedia() {
        reader.read(mediaMessage, 0, mediaMessage.length, frame);
        return frame;
    }

    /** The above plus the exchange the consumer makes of it, with its twelve headers. */
    @Benchmark
    public Exchange readMediaIntoExchange() {
        reader.read(mediaMessage, 0, mediaMessage.length, frame);
        Exchange exchange = new DefaultExchange(camel);
        Message in = exchange.getMessage();
        in.setHeader(VobizConstants.EVENT, "media");
        in.setHeader(VobizConstants.STREAM_ID, frame.streamId);
        in.setHeader(VobizConstants.CALL_ID, "c2d5a4f0-1f6e-4f1c-9d0f-3d1c5e6b7a89");
        in.setHeader(VobizConstants.ACCOUNT_ID, "500025");
        in.setHeader(VobizConstants.SEQUENCE_NUMBER, frame.sequenceNumber);
        in.setHeader(VobizConstants.GENERATION, 0);
        in.setHeader(VobizConstants.TRACK, frame.track);
        in.setHeader(VobizConstants.TIMESTAMP, frame.timestamp);
        in.setHeader(VobizConstants.CHUNK, frame.chunk);
        in.setHeader(VobizConstants.ENCODING, "audio/x-l16");
        in.setHeader(VobizConstants.SAMPLE_RATE, 8000);
        in.setHeader(VobizConstants.AUDIO_FORMAT, AudioFormat.L16_8K);
        in.setBody(frame.payload);
        return exchange;
    }

    /** One outbound playAudio message for a 20 ms frame. */
    @Benchmark
    public byte[] writePlayAudio() {
        return WireWriter.playAudio(playAudioPrefix, audio);
    }
}
