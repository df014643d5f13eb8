package ai.holysheep.chat.serve;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Items added from any thread and handled in the order added, on an executor, by one drain at a
 * time: a member's frames written out, a room's messages saved. Adding is cheap (it may be done
 * under a room's lock); the handler takes from the queue what it handles in one go.
 */
final class SerialDrain<T> {
    private final Queue<T> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<Queue<T>> handler;

    /** @param handler takes items from the queue it is given; it is called again while any are left */
    SerialDrain(Executor executor, Consumer<Queue<T>> handler) {
        this.executor = executor;
        this.handler = handler;
    }

    /** @return false when the executor has stopped, so nothing added from now on is handled */
    boolean add(T item) {
        waiting.add(item);
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                return false;
            }
        }
        return true;
    }

    private void drain() {
        do {
            handler.accept(waiting);
            draining.set(false);
            // An item added after the handler's last look but before the flag was cleared found
            // it set and left the drain to this thread: look once more.
        } while (!waiting.isEmpty() && draining.compareAndSet(false, true));
    }
}
