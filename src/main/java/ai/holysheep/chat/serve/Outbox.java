package ai.holysheep.chat.serve;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * What is waiting to go out on one member's connection, in the order the room put it there.
 * The room only appends (cheap, under its lock, which is what fixes the order); the writing
 * happens on a shared executor, one drain at a time per connection, so a room's lock is never
 * held while 200 sockets are written. A drain hands Jetty every frame it finds at once, all but
 * the last marked as batched, so a member who has fallen behind gets them in a few writes
 * instead of one system call each.
 */
final class Outbox {
    /** An entry: a text frame (its UTF-8, shared by every member it goes to) or a close. */
    sealed interface Entry permits Text, Close {
    }

    record Text(byte[] utf8) implements Entry {
    }

    record Close(int code, String reason) implements Entry {
    }

    /** The connection itself. */
    interface Wire {
        /** @param more true when another entry follows at once, so this one may wait in a batch */
        void text(ByteBuffer utf8, boolean more);

        void close(int code, String reason);
    }

    private final SerialDrain<Entry> queue;
    private final Wire wire;

    Outbox(Executor executor, Wire wire) {
        this.wire = wire;
        this.queue = new SerialDrain<>(executor, this::write);
    }

    /** Once the server has stopped, nothing more is sent: its last frames and closes went out before. */
    void add(Entry entry) {
        queue.add(entry);
    }

    private void write(Queue<Entry> waiting) {
        Entry entry = waiting.poll();
        while (entry != null) {
            Entry next = waiting.poll();
            if (entry instanceof Text t) {
                // Each connection gets its own view: writing moves a buffer's position.
                wire.text(ByteBuffer.wrap(t.utf8()), next != null);
            } else if (entry instanceof Close c) {
                wire.close(c.code(), c.reason());
            }
            entry = next;
        }
    }
}
