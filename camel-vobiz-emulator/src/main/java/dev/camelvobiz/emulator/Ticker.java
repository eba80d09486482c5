package dev.camelvobiz.emulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's one real-time clock: a single thread that every 20 ms lets each live stream send the
 * media frames now due and report the checkpoints now played. One thread for all calls keeps load
 * mode cheap at a thousand calls and keeps each stream's sends in order.
 */
final class Ticker implements AutoCloseable {

    static final long FRAME_NANOS = 20_000_000L;

    /** Something that acts on the clock. */
    interface Task {
        void tick(long nowNanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final ScheduledExecutorService scheduler;
    private final Set<Task> tasks = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> tick;

    Ticker() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vobiz-emulator-clock");
            thread.setDaemon(true);
            return thread;
        });
        tick = scheduler.scheduleAtFixedRate(this::tickAll, 0, 10, TimeUnit.MILLISECONDS);
    }

    void add(Task task) {
        tasks.add(task);
    }

    void remove(Task task) {
        tasks.remove(task);
    }

    /** Runs {@code action} once after {@code delayMillis} on the clock thread. */
    ScheduledFuture<?> schedule(Runnable action, long delayMillis) {
        return scheduler.schedule(
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

    private void tickAll() {
        long now = System.nanoTime();
        for (Task task : tasks) {
            try {
                task.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("Emulator stream tick failed", e);
            }
        }
    }

    @Override
    public void close() {
        tick.cancel(false);
        scheduler.shutdownNow();
    }
}
