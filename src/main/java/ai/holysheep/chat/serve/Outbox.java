package ai.holysheep.chat.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What is waiting to go out on one member's connection, in the order the room put it there.
 * The room only appends (cheap, under its lock, which is what fixes the order); the writing
 * happens on a shared executor, one drain at a time per connection, so a room's lock is never
 * held while 200 sockets are written.
 *
 * <p>A WebSocket message carries one frame or several, one JSON object per line (docs/rooms.md):
 * a drain joins every text it finds waiting into as few messages as it can. In a busy room of 200
 * each message said is a frame to every member; one WebSocket message each was 40,000 a second
 * for 200 messages a second, and the per-message work on both ends, not the bytes, was the cost.
 *
 * <p>A member who stops reading is cut off once {@link #MAX_UNSENT_BYTES} wait for it: what the
 * connection cannot take would otherwise pile up in the server for as long as it stays open. Cut
 * off, it reconnects and is replayed what it missed, so nothing is lost to it.
 */
final class Outbox {
    /** How much may wait, queued or written but not yet taken by the connection, before it is cut. */
    static final long MAX_UNSENT_BYTES = 16L * 1024 * 1024;

    /** How large a joined message may grow; a single larger frame still goes out whole, alone. */
    static final int MAX_JOINED_BYTES = 64 * 1024;

    /** An entry: a text (UTF-8 frames, one per line, shared by every member it goes to) or a close. */
    sealed interface Entry permits Text, Close {
    }

    /**
     * @param counted whether it counts toward what may wait ({@link #MAX_UNSENT_BYTES}); a replay
     *                does not, being bounded by its own limit, or a member joining a long room
     *                would be cut off by its own catching up, and again on every reconnect
     */
    record Text(byte[] utf8, boolean counted) implements Entry {
        Text(byte[] utf8) {
            this(utf8, true);
        }
    }

    record Close(int code, String reason) implements Entry {
    }

    /** The connection itself. */
    interface Wire {
        /** @param sent run once the connection has taken the text, or failed to */
        void text(ByteBuffer utf8, Runnable sent);

        void close(int code, String reason);

        /** Drops the connection at once, without a close handshake that would wait behind the backlog. */
        void cut();
    }

    private final SerialDrain<Entry> queue;
    private final Wire wire;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicBoolean cut = new AtomicBoolean();

    Outbox(Executor executor, Wire wire) {
        this.wire = wire;
        this.queue = new SerialDrain<>(executor, this::write);
    }

    /**
     * Once the server has stopped, nothing more is sent: its last frames and closes went out
     * before; nor after the member was cut off.
     */
    void add(Entry entry) {
        if (cut.get()) {
            return;
        }
        if (entry instanceof Text t && t.counted() && unsent.addAndGet(t.utf8().length) > MAX_UNSENT_BYTES) {
            if (cut.compareAndSet(false, true)) {
                wire.cut();
            }
            return;
        }
        queue.add(entry);
    }

    /** Bytes queued for the connection and not yet taken by it. */
    long unsent() {
        return unsent.get();
    }

    /** Frames joined, in order, into texts of at most {@link #MAX_JOINED_BYTES} where they fit. */
    static List<Text> joined(List<String> frames) {
        List<Text> out = new ArrayList<>();
        List<byte[]> group = new ArrayList<>();
        int size = -1;
        for (String frame : frames) {
            byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
            if (!group.isEmpty() && !fits(size, utf8)) {
                out.add(new Text(lines(group, size)));
                group.clear();
                size = -1;
            }
            group.add(utf8);
            size += 1 + utf8.length;
        }
        if (!group.isEmpty()) {
            out.add(new Text(lines(group, size)));
        }
        return out;
    }

    private void write(Queue<Entry> waiting) {
        List<byte[]> texts = new ArrayList<>();
        Entry entry = waiting.poll();
        while (entry != null) {
            if (entry instanceof Close c) {
                wire.close(c.code(), c.reason());
                entry = waiting.poll();
                continue;
            }
            texts.clear();
            int size = -1;
            long counted = 0;
            while (entry instanceof Text t && (texts.isEmpty() || fits(size, t.utf8()))) {
                texts.add(t.utf8());
                size += 1 + t.utf8().length;
                counted += t.counted() ? t.utf8().length : 0;
                entry = waiting.poll();
            }
            // Each connection gets its own view of a shared text: writing moves a buffer's position.
            long taken = counted;
            wire.text(ByteBuffer.wrap(lines(texts, size)), () -> unsent.addAndGet(-taken));
        }
    }

    /** Whether {@code next} fits after {@code size} bytes already joined, with its newline. */
    private static boolean fits(int size, byte[] next) {
        return size + 1 + next.length <= MAX_JOINED_BYTES;
    }

    /** The texts one per line, {@code size} bytes in all; a text alone is itself, not a copy. */
    private static byte[] lines(List<byte[]> texts, int size) {
        if (texts.size() == 1) {
            return texts.get(0);
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] t : texts) {
            if (at > 0) {
                out[at++] = '\n';
            }
            System.arraycopy(t, 0, out, at, t.length);
            at += t.length;
        }
        return out;
    }
}
