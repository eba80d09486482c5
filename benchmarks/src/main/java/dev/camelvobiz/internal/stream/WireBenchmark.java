package dev.camelvobiz.internal.stream;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioFormat;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.PooledExchangeFactory;
import org.apache.camel.impl.engine.PooledProcessorExchangeFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-frame wire path without the network: reading one inbound {@code media} message (JSON and
 * base64, into the reused frame); the whole inbound path of one frame, as Jetty hands it to a started
 * stream connection, through its exchange and a route that takes it; and writing one outbound
 * {@code playAudio}. In this package to reach the package-private reader, writer and connection; run
 * with {@code -prof gc} for the bytes allocated per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WireBenchmark {

    private static final String STREAM_ID = "b77e037d-4119-44b5-902d-25826b654539";

    private final WireReader reader = new WireReader();
    private final InboundFrame frame = new InboundFrame();
    private final byte[] audio = audio();
    private final byte[] mediaMessage = mediaMessage(audio);
    private final byte[] playAudioPrefix =
            new WireWriter(STREAM_ID).playAudioPrefix(AudioFormat.L16_8K.withByteOrder(ByteOrder.LITTLE_ENDIAN));

    private static byte[] audio() {
        byte[] audio = new byte[320];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 7);
        }
        return audio;
    }

    private static byte[] mediaMessage(byte[] audio) {
        return ("{\"sequenceNumber\":1234,\"streamId\":\"" + STREAM_ID + "\",\"event\":\"media\","
                        + "\"media\":{\"track\":\"inbound\",\"timestamp\":\"1778597597091\",\"chunk\":1233,"
                        + "\"payload\":\"" + Base64.getEncoder().encodeToString(audio) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A started stream connection of a real {@code vobiz:stream} route, fed frames without a socket. */
    @State(Scope.Thread)
    public static class StartedStream {

        /** Camel's exchange factory: {@code prototype} (its default) or {@code pooled} (the main job's). */
        @Param({"prototype", "pooled"})
        public String exchangeFactory;

        private final WebSocketFrame mediaFrame =
                WebSocketFrame.textFrame(new String(mediaMessage(audio()), StandardCharsets.UTF_8), true);
        private DefaultCamelContext camel;
        private StreamConnection connection;
        private long framesTaken;

        @Setup(Level.Trial)
        public void start() throws Exception {
            camel = new DefaultCamelContext();
            if (exchangeFactory.equals("pooled")) {
                camel.getCamelContextExtension().setExchangeFactory(new PooledExchangeFactory());
                camel.getCamelContextExtension().setProcessorExchangeFactory(new PooledProcessorExchangeFactory());
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("vobiz:stream?host=127.0.0.1&port=0&path=/media&blocking=false")
                            .routeId("stream")
                            .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                            .process(exchange -> framesTaken++);
                }
            });
            camel.start();
            StreamConsumer consumer = (StreamConsumer) camel.getRoute("stream").getConsumer();
            connection = new StreamConnection(consumer, new DiscardingSocket(), "benchmark");
            connection.open();
            byte[] start = ("{\"event\":\"start\",\"sequenceNumber\":1,\"start\":{\"streamId\":\"" + STREAM_ID
                            + "\",\"callId\":\"c2d5a4f0-1f6e-4f1c-9d0f-3d1c5e6b7a89\",\"accountId\":\"500025\","
                            + "\"tracks\":[\"inbound\"],\"mediaFormat\":{\"encoding\":\"audio/x-l16\",\"sampleRate\":8000}}}")
                    .getBytes(StandardCharsets.UTF_8);
            connection.onFrame(WebSocketFrame.textFrame(new String(start, StandardCharsets.UTF_8), true));
        }

        @TearDown(Level.Trial)
        public void stop() {
            camel.stop();
            if (framesTaken == 0) {
                throw new IllegalStateException("the route took no media frame: the benchmark measured nothing");
            }
        }
    }

    /** JSON and base64 of one inbound media message into the reused frame. */
    @Benchmark
    public InboundFrame readMedia() {
        reader.read(mediaMessage, 0, mediaMessage.length, frame);
        return frame;
    }

    /** One media frame as the event loop hands it over: read, made an exchange with its headers, routed. */
    @Benchmark
    public void mediaFrameThroughRoute(StartedStream stream) {
        stream.connection.onFrame(stream.mediaFrame);
    }

    /** A socket that takes every write at once and never closes by itself. */
    private static final class DiscardingSocket implements StreamSocket {
        @Override
        public void writeText(byte[] utf8, WriteCallback written) {
            written.succeeded();
        }

        @Override
        public void pauseReading() {}

        @Override
        public void resumeReading() {}

        @Override
        public CompletableFuture<Void> close(short code, String reason) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** One outbound playAudio message for a 20 ms frame. */
    @Benchmark
    public byte[] writePlayAudio() {
        return WireWriter.playAudio(playAudioPrefix, audio);
    }
}
