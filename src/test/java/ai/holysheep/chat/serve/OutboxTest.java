package ai.holysheep.chat.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class OutboxTest {
    /** Runs what it is given only when told, so a test sees what queues up meanwhile. */
    private static final class Manual implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    /** What reached the connection: each WebSocket message's text, and a close as "close CODE REASON". */
    private static final class Recorded implements Outbox.Wire {
        final List<String> seen = new ArrayList<>();

        @Override
        public void text(ByteBuffer utf8) {
            seen.add(StandardCharsets.UTF_8.decode(utf8).toString());
        }

        @Override
        public void close(int code, String reason) {
            seen.add("close " + code + " " + reason);
        }
    }

    private static Outbox.Text text(String s) {
        return new Outbox.Text(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void framesQueuedWhileTheConnectionIsBusyGoOutInOrderInOneMessageOnePerLine() {
        Manual executor = new Manual();
        Recorded wire = new Recorded();
        Outbox outbox = new Outbox(executor, wire);
        outbox.add(text("a"));
        outbox.add(text("b"));
        outbox.add(text("c"));
        assertEquals(1, executor.tasks.size(), "one drain at a time for a connection");
        executor.runAll();
        assertEquals(List.of("a\nb\nc"), wire.seen);
        outbox.add(text("d"));
        executor.runAll();
        assertEquals(List.of("a\nb\nc", "d"), wire.seen);
    }

    @Test
    void aJoinedMessageStopsGrowingAtItsLimitAndALargerFrameGoesAlone() {
        Manual executor = new Manual();
        Recorded wire = new Recorded();
        Outbox outbox = new Outbox(executor, wire);
        String half = "h".repeat(Outbox.MAX_JOINED_BYTES / 2 - 1);
        String big = "b".repeat(Outbox.MAX_JOINED_BYTES + 1);
        outbox.add(text(half));
        outbox.add(text(half));
        outbox.add(text("x"));
        outbox.add(text(big));
        outbox.add(text("y"));
        executor.runAll();
        assertEquals(List.of(half + "\n" + half, "x", big, "y"), wire.seen,
                "two halves and a newline fill a message exactly; one more byte would not fit");
    }

    @Test
    void framesJoinedForEveryoneAreSplitWhereTheLimitFalls() {
        String half = "h".repeat(Outbox.MAX_JOINED_BYTES / 2 - 1);
        List<String> joined = Outbox.joined(List.of(half, half, "x", "é")).stream()
                .map(t -> new String(t.utf8(), StandardCharsets.UTF_8)).toList();
        assertEquals(List.of(half + "\n" + half, "x\né"), joined);
        assertEquals(List.of(), Outbox.joined(List.of()));
    }

    @Test
    void aCloseGoesOutAfterEverythingQueuedBeforeIt() {
        Manual executor = new Manual();
        Recorded wire = new Recorded();
        Outbox outbox = new Outbox(executor, wire);
        outbox.add(text("end"));
        outbox.add(new Outbox.Close(1001, "bye"));
        executor.runAll();
        assertEquals(List.of("end", "close 1001 bye"), wire.seen);
    }

    @Test
    void oneFrameSharedByManyConnectionsReachesEachWhole() {
        Manual executor = new Manual();
        Recorded first = new Recorded();
        Recorded second = new Recorded();
        Outbox.Text shared = text("héllo");
        new Outbox(executor, first).add(shared);
        new Outbox(executor, second).add(shared);
        executor.runAll();
        assertEquals(List.of("héllo"), first.seen);
        assertEquals(List.of("héllo"), second.seen);
    }

    @Test
    void afterTheServerStoppedNothingIsSentAndNothingThrows() {
        Recorded wire = new Recorded();
        Outbox outbox = new Outbox(task -> {
            throw new java.util.concurrent.RejectedExecutionException("stopped");
        }, wire);
        outbox.add(text("late"));
        assertEquals(List.of(), wire.seen);
    }
}
