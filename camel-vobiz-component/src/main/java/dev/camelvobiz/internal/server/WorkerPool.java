package dev.camelvobiz.internal.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run blocking route work. A task goes to an idle thread if there is one; a new
 * thread is started (up to the pool's size) only when none is idle; beyond that, tasks queue. A plain
 * fixed pool would start a thread for each of its first tasks even with idle ones at hand: with
 * hundreds of calls that is hundreds of runnable threads taking turns on two cores, each turn a
 * context switch. Here the pool stays as small as the work that is actually waiting. Idle threads end
 * after a minute.
 */
public final class WorkerPool {

    private WorkerPool() {}

    public static ExecutorService create(int size, ThreadFactory threads) {
        if (size < 1) {
            throw new IllegalArgumentException("workerPoolSize must be at least 1, got " + size);
        }
        HandOffQueue queue = new HandOffQueue();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(0, size, 60, TimeUnit.SECONDS, queue, threads, (task, full) -> {
                    if (full.isShutdown()) {
                        throw new RejectedExecutionException("The vobiz worker pool is shut down");
                    }
                    queue.enqueue(task); // every thread busy and the pool at its size: wait for one
                });
        queue.pool = pool;
        return pool;
    }

    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {

        private static final long serialVersionUID = 1L;

        private transient volatile ThreadPoolExecutor pool;

        /** Called by the pool for each task: false asks it for a new thread. */
        @Override
        public boolean offer(Runnable task) {
            if (tryTransfer(task)) {
                return true; // an idle thread took it
            }
            ThreadPoolExecutor owner = pool;
            if (owner != null && owner.getPoolSize() < owner.getMaximumPoolSize()) {
                return false;
            }
            return super.offer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}
