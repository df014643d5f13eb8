package ai.holysheep.chat.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * What reached the connection: each WebSocket message's text, a close as "close CODE REASON",
     * a cut as "cut"; a text is taken by the connection at once unless {@code holding}.
     */
    private static final class Recorded implements Outbox.Wire {
        final List<String> seen = new ArrayList<>();
        final Queue<Runnable> held = new ArrayDeque<>();
        boolean holding;

        @Override
        public void text(ByteBuffer utf8, Runnable sent) {
            seen.add(StandardCharsets.UTF_8.decode(utf8).toString());
            if (holding) {
                held.add(sent);
            } else {
                sent.run();
            }
        }

        @Override
        public void cut() {
            seen.add("cut");
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
    void aMemberWhoStopsReadingIsCutOffOnceTooMuchWaitsAndThenGetsNothingMore() {
        Manual executor = new Manual();
        Recorded wire = new Recorded();
        wire.holding = true;
        Outbox outbox = new Outbox(executor, wire);
        String mib = "m".repeat(1024 * 1024);
        for (int i = 0; i < 16; i++) {
            outbox.add(text(mib));
            executor.runAll();
        }
        assertEquals(Outbox.MAX_UNSENT_BYTES, outbox.unsent(), "16 MiB written and not yet taken: at the limit, not over");
        assertEquals(16, wire.seen.size());
        outbox.add(text("x"));
        assertEquals("cut", wire.seen.get(16), "one byte over");
        outbox.add(text("y"));
        outbox.add(new Outbox.Close(1000, "late"));
        executor.runAll();
        assertEquals(17, wire.seen.size(), "cut once, and nothing after it");
    }

    @Test
    void aReplayIsNotABacklog() {
        Manual executor = new Manual();
        Recorded wire = new Recorded();
        wire.holding = true;
        Outbox outbox = new Outbox(executor, wire);
        byte[] mib = "r".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++) {
            outbox.add(new Outbox.Text(mib, false));
        }
        outbox.add(text("live"));
        executor.runAll();
        assertEquals(4, outbox.unsent(), "only the live frame counts");
        assertTrue(!wire.seen.contains("cut"));
        wire.held.forEach(Runnable::run);
        assertEquals(0, outbox.unsent(), "and what the replay was joined with is not taken off twice");
    }

    @Test
    void whatTheConnectionTakesNoLongerCountsAsWaiting() {
        Manual executor = new Manual();
        Recorded wire = new Recorded();
        wire.holding = true;
        Outbox outbox = new Outbox(executor, wire);
        outbox.add(text("abc"));
        outbox.add(text("de"));
        assertEquals(5, outbox.unsent(), "queued");
        executor.runAll();
        assertEquals(List.of("abc\nde"), wire.seen);
        assertEquals(5, outbox.unsent(), "written, not yet taken");
        wire.held.poll().run();
        assertEquals(0, outbox.unsent(), "the joining newline was never counted");
        String mib = "m".repeat(1024 * 1024);
        for (int i = 0; i < 40; i++) {
            outbox.add(text(mib));
            executor.runAll();
            wire.held.poll().run();
        }
        assertEquals(0, outbox.unsent());
        assertTrue(!wire.seen.contains("cut"), "a member who keeps up is never cut off");
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
