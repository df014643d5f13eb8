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

    /** True when no event is waiting: a good moment to flush what was written. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }
}
