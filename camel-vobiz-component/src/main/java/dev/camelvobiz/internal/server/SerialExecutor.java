package dev.camelvobiz.internal.server;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs its tasks one at a time, in the order given, on a shared pool: one call's route work off the
 * event loop. It holds at most one pool thread at a time, and drains everything queued meanwhile in
 * that one hand-off, so a busy call costs a thread switch per batch, not per frame. After a batch it
 * goes to the back of the pool's queue, so one busy call cannot keep a thread from the others.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private static final int BATCH = 64;

    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        for (int ran = 0; ran < BATCH; ran++) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("A task failed on its call's worker lane", e);
            }
        }
        pool.execute(this::drain);
    }
}
