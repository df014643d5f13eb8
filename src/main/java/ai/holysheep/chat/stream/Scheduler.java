package ai.holysheep.chat.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Time as a turn sees it: what time it is, and running something later. Injected so tests can
 * move time forward by hand instead of waiting.
 */
public interface Scheduler {

    Clock clock();

    /** Runs {@code task} once after {@code delay}, on some thread other than the caller's. */
    Pending schedule(Duration delay, Runnable task);

    /** A task not yet run. */
    interface Pending {
        /** Makes sure the task does not run if it has not started yet. */
        void cancel();
    }

    /** Real time: one shared daemon thread, so an abandoned wait never keeps the process alive. */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /** The production scheduler. */
    final class SystemScheduler implements Scheduler {
        static final SystemScheduler INSTANCE = new SystemScheduler();

        private final ScheduledExecutorService executor;

        private SystemScheduler() {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "holysheep-retry");
                thread.setDaemon(true);
                return thread;
            });
            pool.setRemoveOnCancelPolicy(true);
            this.executor = pool;
        }

        @Override
        public Clock clock() {
            return Clock.systemDefaultZone();
        }

        @Override
        public Pending schedule(Duration delay, Runnable task) {
            var future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        }
    }
}
