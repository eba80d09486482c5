package dev.camelvobiz.emulator.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's real-time clock: every 10 ms each live stream sends the media frames now due and
 * reports the checkpoints now played. A few clock threads (one per core) share all streams, each
 * stream always on the same one so its sends stay in order; at a thousand calls that is far cheaper
 * than a timer per call.
 */
public final class Ticker implements AutoCloseable {

    static final long FRAME_NANOS = 20_000_000L;
    private static final long TICK_MILLIS = 10;

    /** Something that acts on the clock. */
    interface Task {
        void tick(long nowNanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final ScheduledExecutorService[] clocks;
    private final Set<Task>[] tasks;
    private final AtomicInteger nextClock = new AtomicInteger();
    private final LongAdder stalls = new LongAdder();

    @SuppressWarnings("unchecked")
    public Ticker() {
        int count = Math.max(1, Runtime.getRuntime().availableProcessors());
        clocks = new ScheduledExecutorService[count];
        tasks = new Set[count];
        for (int i = 0; i < count; i++) {
            String name = "vobiz-emulator-clock-" + i;
            clocks[i] = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
            Set<Task> shard = ConcurrentHashMap.newKeySet();
            tasks[i] = shard;
            clocks[i].scheduleAtFixedRate(() -> tickAll(shard), 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** A stream found the clock more than a few frames late: the emulator itself is short of CPU. */
    void stalled() {
        stalls.increment();
    }

    public long stalls() {
        return stalls.sum();
    }

    void add(Task task) {
        tasks[Math.floorMod(nextClock.getAndIncrement(), tasks.length)].add(task);
    }

    void remove(Task task) {
        for (Set<Task> shard : tasks) {
            shard.remove(task);
        }
    }

    /** Runs {@code action} once after {@code delayMillis} on a clock thread. */
    public ScheduledFuture<?> schedule(Runnable action, long delayMillis) {
        return clocks[0].schedule(
                () -> {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        LOG.warn("Scheduled emulator action failed", e);
                    }
                },
                delayMillis,
                TimeUnit.MILLISECONDS);
    }

    private static void tickAll(Set<Task> shard) {
        long now = System.nanoTime();
        for (Task task : shard) {
            try {
                task.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("Emulator stream tick failed", e);
            }
        }
    }

    @Override
    public void close() {
        for (ScheduledExecutorService clock : clocks) {
            clock.shutdownNow();
        }
    }
}
