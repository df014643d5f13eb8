package ai.holysheep.chat.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The input half of one step of a screen's loop, the same for the chat and a room: the keys
 * waiting, then the events queued by other threads, each in bounded batches so a flood of either
 * cannot keep a frame from being drawn.
 */
final class StepInput {
    static final int EVENTS_PER_STEP = 20_000;
    static final int KEYS_PER_STEP = 4_096;

    private StepInput() {
    }

    /** Handles the keys waiting, until none is left or {@code stop} says so; true if there were any. */
    static boolean keys(Screen screen, BooleanSupplier stop, Consumer<KeyStroke> handle) throws IOException {
        boolean any = false;
        for (int i = 0; i < KEYS_PER_STEP && !stop.getAsBoolean(); i++) {
            KeyStroke key = screen.pollInput();
            if (key == null) {
                break;
            }
            handle.accept(key);
            any = true;
        }
        return any;
    }

    /** Waits up to {@code wait} for an event, then handles it and those queued behind it; true if there were any. */
    static <E> boolean events(BlockingQueue<E> events, Duration wait, Consumer<E> handle) throws InterruptedException {
        E first = wait.isZero() ? events.poll() : events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        List<E> batch = new ArrayList<>();
        batch.add(first);
        events.drainTo(batch, EVENTS_PER_STEP);
        batch.forEach(handle);
        return true;
    }
}
