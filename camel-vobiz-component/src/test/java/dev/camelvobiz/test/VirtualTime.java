package dev.camelvobiz.test;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A clock and a scheduler that move only when a test says so: timed code (pacing, timeouts) runs
 * deterministically, each task at exactly its due time, on the test's own thread. One-shot tasks only,
 * which is all the playout uses.
 */
public final class VirtualTime extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task> due = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;

    /** The clock, in nanoseconds like {@link System#nanoTime()}. */
    public LongSupplier clock() {
        return () -> nowNanos;
    }

    public long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(nowNanos);
    }

    /** Moves the clock on by {@code millis}, running every task that falls due, in order, at its time. */
    public void advance(long millis) {
        long until = nowNanos + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!due.isEmpty() && due.peek().atNanos <= until) {
            Task task = due.poll();
            nowNanos = Math.max(nowNanos, task.atNanos);
            if (!task.cancelled) {
                task.done = true;
                task.action.run();
            }
        }
        nowNanos = until;
    }

    /** Tasks waiting to run. */
    public int pending() {
        return (int) due.stream().filter(t -> !t.cancelled).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(nowNanos + Math.max(0, unit.toNanos(delay)), sequence++, command);
        due.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("one-shot Runnables only");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("one-shot Runnables only");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("one-shot Runnables only");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task implements ScheduledFuture<Object> {
        final long atNanos;
        final long order;
        final Runnable action;
        boolean cancelled;
        boolean done;

        Task(long atNanos, long order, Runnable action) {
            this.atNanos = atNanos;
            this.order = order;
            this.action = action;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(atNanos - nowNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task that = (Task) other;
            return atNanos != that.atNanos ? Long.compare(atNanos, that.atNanos) : Long.compare(order, that.order);
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            boolean was = !done && !cancelled;
            cancelled = true;
            return was;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
