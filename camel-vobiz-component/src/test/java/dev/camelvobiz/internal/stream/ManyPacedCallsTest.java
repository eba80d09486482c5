package dev.camelvobiz.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.internal.observe.VobizMetrics;
import io.vertx.core.impl.ContextInternal;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Every stream paces its audio with timers on its socket's event loop, holding a wake-up there while its
 * lead is full: far more calls than fit one loop comfortably (1 500 on one loop here) must all be paced
 * to the end. (When pacing ran on a Camel scheduled pool, its 1 000-task queue refused the 1 001st.)
 */
class ManyPacedCallsTest extends CamelTestSupport {

    private static final int CALLS = 1_500;
    private static final int FRAMES = 10; // 200 ms each, against a 40 ms lead: every call waits on the timer
    private static final long FRAME_NANOS = 20_000_000L;

    @Test
    void fifteenHundredCallsSpeakingAtOnceAreAllPacedToTheEnd() {
        VobizComponent component = context.getComponent("vobiz", VobizComponent.class);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int call = 0; call < CALLS; call++) {
            Playout playout = new Playout(
                    "call " + call,
                    (message, done) -> {
                        written.incrementAndGet();
                        done.succeeded();
                        return null;
                    },
                    (exchange, continuation) -> continuation.run(),
                    new WireWriter("s-" + call),
                    AudioFormat.L16_8K.withByteOrder(ByteOrder.LITTLE_ENDIAN),
                    ((ContextInternal) component.runtime().vertx().getOrCreateContext()).nettyEventLoop(),
                    System::nanoTime,
                    VobizMetrics.NONE,
                    nanos -> {},
                    40,
                    1_000);
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < FRAMES; i++) {
                frames.add(new byte[] {(byte) i});
            }
            Exchange exchange = new DefaultExchange(context);
            playout.playFrames(frames, FRAME_NANOS, null, null, exchange, doneSync -> {
                if (exchange.getException() != null) {
                    failures.add(exchange.getException());
                }
                completed.incrementAndGet();
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> completed.get() == CALLS);
        assertThat(failures).isEmpty();
        assertThat(written.get()).isEqualTo(CALLS * FRAMES);
    }
}
