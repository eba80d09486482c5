package dev.camelvobiz.internal.stream;

import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Samples;
import dev.camelvobiz.internal.observe.VobizMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.ContextInternal;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * What room tone costs the server when nobody speaks: N streams with a bed laid, paced on two Vert.x
 * event loops as the component paces them (one wake-up per 20 ms per stream, the bed's next frame made
 * and its {@code playAudio} built), into a wire that only counts. No network and no generator: the
 * process's CPU is the playout's. Prints the CPU per 100 streams and how exactly each stream kept to
 * one frame per 20 ms.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.camelvobiz.internal.stream.RoomToneLoadRun 250 500 1000
 * </pre>
 */
public final class RoomToneLoadRun {

    private static final AudioFormat FORMAT = AudioFormat.L16_8K.withByteOrder(ByteOrder.LITTLE_ENDIAN);

    private RoomToneLoadRun() {}

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            for (String streams : args.length > 0 ? args : new String[] {"250", "500", "1000"}) {
                run(vertx, camel, Integer.parseInt(streams), seconds);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void run(Vertx vertx, DefaultCamelContext camel, int streams, int seconds) throws Exception {
        short[] noise = new short[16000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) ((i * 7919) % 600 - 300);
        }
        byte[] bed = Samples.encode(noise, noise.length, FORMAT);
        AtomicLongArray written = new AtomicLongArray(streams);
        List<Playout> playouts = new ArrayList<>();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        for (int s = 0; s < streams; s++) {
            int stream = s;
            Playout playout = new Playout(
                    "stream " + s,
                    (message, done) -> {
                        written.incrementAndGet(stream);
                        done.succeeded();
                        return null;
                    },
                    (exchange, continuation) -> continuation.run(),
                    new WireWriter("s-" + s),
                    FORMAT,
                    ((ContextInternal) vertx.getOrCreateContext()).nettyEventLoop(),
                    System::nanoTime,
                    VobizMetrics.NONE,
                    nanos -> {},
                    100,
                    1_000);
            playout.roomTone(bed, FORMAT, new DefaultExchange(camel), doneSync -> {});
            playouts.add(playout);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        playouts.forEach(p -> p.closed("done"));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int s = 0; s < streams; s++) {
            min = Math.min(min, written.get(s));
            max = Math.max(max, written.get(s));
        }
        System.out.printf(
                "%d streams with a bed for %.1f s: %.1f %% of a core (%.2f %% per 100 streams); frames per"
                        + " stream %d to %d (%.0f due at one per 20 ms, plus the 3-4 of the cushion)%n",
                streams, wall, 100 * cpu / wall, 100 * cpu / wall / streams * 100, min, max, wall * 50);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
