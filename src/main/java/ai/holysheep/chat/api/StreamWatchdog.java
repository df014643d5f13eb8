package ai.holysheep.chat.api;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Ends a stream that makes no progress (no byte, no event) within the idle timeout. The HTTP
 * read timeout only bounds a blocked socket read; a reader that spins without reading (as
 * okhttp-sse's does on some malformed endings) would otherwise hang the turn for ever.
 */
final class StreamWatchdog {
    private static final ScheduledExecutorService TIMER = timer();

    /**
     * One thread for every stream's checks. A stream that ends takes its check off the queue: left
     * there, cancelled, each woke the thread once when the idle timeout came round, one wake-up
     * per stream (a relay serving streams all day spent 6 % of its time there).
     */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "stream watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final Runnable onStall;
    private volatile long lastProgress;
    private ScheduledFuture<?> check;
    private boolean stopped;

    StreamWatchdog(LongSupplier nanoClock, long idleNanos, Runnable onStall) {
        this.idleNanos = idleNanos;
        this.nanoClock = nanoClock;
        this.onStall = onStall;
        this.lastProgress = nanoClock.getAsLong();
    }

    StreamWatchdog(long idleMillis, Runnable onStall) {
        this(System::nanoTime, TimeUnit.MILLISECONDS.toNanos(idleMillis), onStall);
    }

    /** Starts watching; a zero idle timeout means no limit, as OkHttp's read timeout does. */
    void start() {
        progress();
        if (idleNanos > 0) {
            schedule(idleNanos);
        }
    }

    void progress() {
        lastProgress = nanoClock.getAsLong();
    }

    synchronized void stop() {
        stopped = true;
        if (check != null) {
            check.cancel(false);
        }
    }

    /** One look at the clock: fires when silent for the whole timeout, else says when to look again. */
    long checkNow() {
        long silent = nanoClock.getAsLong() - lastProgress;
        if (silent >= idleNanos) {
            onStall.run();
            return -1;
        }
        return idleNanos - silent;
    }

    private synchronized void schedule(long delayNanos) {
        if (!stopped) {
            check = TIMER.schedule(this::run, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void run() {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        long next = checkNow();
        if (next < 0) {
            stop();
        } else {
            schedule(next);
        }
    }
}
