package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team store's commits never copy the log back themselves; a thread apart does, again and
 * again, which is what lets SQLite start the log again rather than grow it.
 */
class WalCheckpointsTest {
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aCommitThatTakesTheLogPastAThousandPagesDoesNotCopyItBack() throws IOException {
        Path file = dir.resolve("team.db");
        try (TeamStore store = withRoom(file, Duration.ofDays(1))) {
            post(store, "a");
            assertTrue(Files.size(wal(file)) > 6 * MB, "what was written waits in the log");
            assertTrue(Files.size(file) < MB, "and the commit left the file as it was: " + Files.size(file));
            assertEquals(200, store.messages("team", 0, 1000).size());
        }
    }

    @Test
    void theLogIsCopiedBackApartAgainAndAgain() throws Exception {
        Path file = dir.resolve("team.db");
        try (TeamStore store = withRoom(file, Duration.ofMillis(20))) {
            post(store, "a");
            awaitFileOver(file, 6 * MB);
            post(store, "b");
            awaitFileOver(file, 12 * MB);
            assertEquals(400, store.messages("team", 0, 1000).size());
        }
    }

    @Test
    void closingTheStoreStopsItsCheckpointsAndTheyNeverHoldUpAnExit() throws Exception {
        Set<Thread> before = checkpointThreads();
        Path file = dir.resolve("team.db");
        TeamStore store = withRoom(file, Duration.ofMillis(20));
        Set<Thread> ours = checkpointThreads();
        ours.removeAll(before);
        assertEquals(1, ours.size(), "one thread of its own");
        Thread thread = ours.iterator().next();
        assertTrue(thread.isDaemon(), "a store left open does not keep the process alive");
        post(store, "a");
        awaitFileOver(file, 6 * MB);
        store.close();
        thread.join(Duration.ofSeconds(20).toMillis());
        assertFalse(thread.isAlive(), "closed, the store checkpoints no more");
        assertFalse(Files.exists(wal(file)), "and its connection is closed too: the writer, closing last, removed the log");
    }

    private static Set<Thread> checkpointThreads() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("store-checkpoint") && t.isAlive()) {
                out.add(t);
            }
        }
        return out;
    }

    private static TeamStore withRoom(Path file, Duration checkpointEvery) {
        TeamStore store = TeamStore.open(file, Clock.systemUTC(), checkpointEvery);
        store.createRoom("team");
        return store;
    }

    /** 200 messages of 32 KiB: some 1,700 pages. */
    private static void post(TeamStore store, String prefix) {
        List<RoomPost> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            posts.add(new RoomPost(prefix + i, "alice", RoomMessage.MEMBER, "x".repeat(32 * 1024 - 10) + prefix + i,
                    RoomMessage.COMPLETE));
        }
        store.postAll("team", posts);
    }

    private static void awaitFileOver(Path file, long bytes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.size(file) <= bytes) {
            assertTrue(System.nanoTime() < deadline, "no checkpoint copied the log back: the file has " + Files.size(file));
            Thread.sleep(10);
        }
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }
}
