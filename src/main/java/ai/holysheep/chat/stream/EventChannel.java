package ai.holysheep.chat.stream;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Carries a turn's events from the network threads to the one thread that shows them, so no
 * consumer ever runs on an OkHttp thread.
 */
public final class EventChannel implements Consumer<StreamEvent> {
    private final BlockingQueue<StreamEvent> queue = new LinkedBlockingQueue<>();

    @Override
    public void accept(StreamEvent event) {
        queue.add(event);
    }

    public StreamEvent take() throws InterruptedException {
        return queue.take();
    }

    /**
     * The next event if one arrives within {@code spinNanos}, else null, without parking the
     * thread. At full speed events arrive microseconds apart: waiting a moment for the next one
     * saves a park and a wake-up (system calls) per token, and lets the caller flush once per
     * batch rather than once per token. Past the moment, the caller flushes and {@link #take}s.
     */
    public StreamEvent poll(long spinNanos) {
        StreamEvent event = queue.poll();
        if (event != null) {
            return event;
        }
        long deadline = System.nanoTime() + spinNanos;
        do {
            Thread.onSpinWait();
            event = queue.poll();
        } while (event == null && System.nanoTime() - deadline < 0);
        return event;
    }

    /** True when no event is waiting: a good moment to flush what was written. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }
}
