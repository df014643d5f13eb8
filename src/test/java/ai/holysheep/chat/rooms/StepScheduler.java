package ai.holysheep.chat.rooms;

import ai.holysheep.chat.stream.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Time that moves only when the test runs the next task asked for; each task keeps its delay. */
final class StepScheduler implements Scheduler {
    record Task(Duration delay, Runnable run, AtomicBoolean cancelled) {
    }

    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();

    @Override
    public Clock clock() {
        return Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public Pending schedule(Duration delay, Runnable task) {
        Task t = new Task(delay, task, new AtomicBoolean());
        tasks.add(t);
        return () -> t.cancelled().set(true);
    }

    /** The next task not cancelled, waiting up to 10 s for one to be asked for. */
    Task next() throws InterruptedException {
        while (true) {
            Task t = tasks.poll(10, TimeUnit.SECONDS);
            if (t == null) {
                throw new AssertionError("nothing was scheduled within 10 s");
            }
            if (!t.cancelled().get()) {
                return t;
            }
        }
    }

    /** Whether anything not cancelled is waiting now. */
    boolean idle() {
        return tasks.stream().allMatch(t -> t.cancelled().get());
    }
}
