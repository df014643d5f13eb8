package ai.holysheep.chat.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Time that moves only when a test runs the next waiting task; records every wait asked for. */
final class ManualScheduler implements Scheduler {
    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile Instant now = Instant.parse("2025-03-04T14:30:05Z");

    private record Task(Duration delay, Runnable run, AtomicBoolean cancelled) {
    }

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Override
    public Pending schedule(Duration delay, Runnable task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        waits.add(delay);
        tasks.add(new Task(delay, task, cancelled));
        return () -> cancelled.set(true);
    }

    /** Waits (in real time, bounded) for a task to be scheduled, moves the clock past its delay, runs it. */
    void runNext() throws InterruptedException {
        Task task = tasks.poll(TurnRun.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (task == null) {
            throw new AssertionError("no retry was scheduled");
        }
        now = now.plus(task.delay());
        if (!task.cancelled().get()) {
            task.run().run();
        }
    }

    /** Time that passes while something other than a wait happens (an answer streaming, say). */
    void advance(Duration by) {
        now = now.plus(by);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }

    Instant now() {
        return now;
    }
}
