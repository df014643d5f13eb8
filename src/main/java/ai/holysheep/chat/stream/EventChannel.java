package ai.holysheep.chat.stream;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Carries a turn's events from the network threads to the one thread that shows them, so no
 * consumer ever runs on an OkHttp thread.
 *
 * <p>Text that arrives while the showing thread is busy is joined: consecutive {@code Delta}s
 * (or {@code Reasoning}s) still waiting become one event with their texts in order, so a fast
 * stream costs the showing thread one event per burst rather than one per token. Every other
 * event keeps its place between the texts.
 *
 * <p>Waking a parked thread is a system call on each side. So that a fast stream does not pay
 * that per token, the showing thread, finding nothing waiting, first lingers for
 * {@link #LINGER_NANOS} without asking to be woken (parked, not spinning: the network thread
 * needs the core), and only then waits to be woken by the next event. Tokens that arrive during
 * the linger are joined and taken together; an answer's first token, or any token after a
 * pause, still wakes the showing thread at once.
 */
public final class EventChannel implements Consumer<StreamEvent> {
    /** Far below what a reader notices, and several tokens' worth of a fast local stream. */
    static final long LINGER_NANOS = 50_000;

    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private boolean consumerWaiting;

    @Override
    public synchronized void accept(StreamEvent event) {
        Object last = waiting.peekLast();
        if (last instanceof Text text && text.joins(event)) {
            text.add(event);
        } else if (event instanceof StreamEvent.Delta || event instanceof StreamEvent.Reasoning) {
            waiting.addLast(new Text(event));
        } else {
            waiting.addLast(event);
        }
        if (consumerWaiting) {
            notify();
        }
    }

    /** The next event, waiting for one if none has arrived; joined texts come out as one event. */
    public StreamEvent take() throws InterruptedException {
        synchronized (this) {
            if (!waiting.isEmpty()) {
                return next();
            }
        }
        LockSupport.parkNanos(LINGER_NANOS);
        return await();
    }

    private synchronized StreamEvent await() throws InterruptedException {
        while (waiting.isEmpty()) {
            consumerWaiting = true;
            try {
                wait();
            } finally {
                consumerWaiting = false;
            }
        }
        return next();
    }

    /**
     * As {@link #take}, but waiting at most {@code timeoutNanos}: null when no event came in that
     * time. For a consumer that has something to do when the turn is silent (a relay's keep-alive).
     */
    public synchronized StreamEvent poll(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (waiting.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            consumerWaiting = true;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } finally {
                consumerWaiting = false;
            }
        }
        return next();
    }

    private StreamEvent next() {
        Object next = waiting.removeFirst();
        return next instanceof Text text ? text.event() : (StreamEvent) next;
    }

    /** True when no event is waiting: a good moment to flush what was written. */
    public synchronized boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Consecutive texts of one kind; a text that nothing joined is handed on as it came. */
    private static final class Text {
        private final StreamEvent first;
        private StringBuilder joined;

        Text(StreamEvent first) {
            this.first = first;
        }

        boolean joins(StreamEvent event) {
            return event.getClass() == first.getClass();
        }

        void add(StreamEvent event) {
            if (joined == null) {
                joined = new StringBuilder(textOf(first));
            }
            joined.append(textOf(event));
        }

        StreamEvent event() {
            if (joined == null) {
                return first;
            }
            String text = joined.toString();
            return first instanceof StreamEvent.Reasoning ? new StreamEvent.Reasoning(text) : new StreamEvent.Delta(text);
        }

        private static String textOf(StreamEvent event) {
            return event instanceof StreamEvent.Reasoning r ? r.text() : ((StreamEvent.Delta) event).text();
        }
    }
}
