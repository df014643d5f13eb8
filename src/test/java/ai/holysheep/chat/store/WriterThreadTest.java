package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history store's one writer thread: what it is, what a closed store refuses, interrupts, errors. */
class WriterThreadTest {
    @TempDir
    Path dir;
    Path file;
    ConversationStore store;

    @BeforeEach
    void open() {
        file = dir.resolve("history.db");
        store = ConversationStore.open(file, new FakeClock(Instant.parse("2025-03-01T09:00:00Z")));
    }

    @AfterEach
    void close() {
        Thread.interrupted();
        store.close();
    }

    @Test
    void theWriterIsADaemonThreadSoItCannotKeepAFinishedProgramAlive() {
        assertEquals(List.of("history-writer", true),
                store.call(c -> List.of(Thread.currentThread().getName(), Thread.currentThread().isDaemon())));
    }

    @Test
    void aStoreThatFailedToOpenLeavesNoThreadBehind() throws Exception {
        Path notADatabase = dir.resolve("notes.db");
        Files.writeString(notADatabase, "not SQLite, and long enough to have a header".repeat(20));
        Set<Thread> before = writerThreads();

        assertThrows(StoreException.class, () -> ConversationStore.open(notADatabase));

        for (Thread left : writerThreads()) {
            if (!before.contains(left)) {
                left.join(5_000);
                assertFalse(left.isAlive(), "the failed store's writer thread ended");
            }
        }
    }

    @Test
    void aClosedStoreRefusesReadsWritesAndNewAnswers() {
        AssistantDraft draft = store.startAssistant(store.createConversation("t", null, null).id(), "gpt-4.1");
        store.close();

        assertEquals("conversation store is closed",
                assertThrows(IllegalStateException.class, () -> store.listConversations(1)).getMessage());
        assertThrows(IllegalStateException.class, () -> store.startAssistant(1, "gpt-4.1"));
        assertThrows(IllegalStateException.class, () -> draft.append("too late"));
    }

    @Test
    void anInterruptWhileWaitingForTheWriterEndsTheWaitAndStaysVisible() throws Exception {
        Semaphore gate = new Semaphore(0);
        Thread writer = holdTheWriter(gate);
        try {
            Thread.currentThread().interrupt();
            StoreException e = assertThrows(StoreException.class, () -> store.listConversations(1));
            assertEquals("interrupted while using history database " + file, e.getMessage());
            assertTrue(Thread.interrupted(), "the caller still sees the interrupt");
        } finally {
            gate.release();
        }
        assertEquals(List.of(), store.listConversations(1), "the store goes on working");
    }

    @Test
    void anInterruptWhileClosingEndsTheWaitAndStaysVisible() throws Exception {
        Semaphore gate = new Semaphore(0);
        Thread writer = holdTheWriter(gate);
        try {
            Thread.currentThread().interrupt();
            StoreException e = assertThrows(StoreException.class, store::close);
            assertEquals("interrupted while closing history database " + file, e.getMessage());
            assertTrue(Thread.interrupted(), "the caller still sees the interrupt");
        } finally {
            gate.release();
        }
        writer.join(5_000);
        assertFalse(writer.isAlive(), "the queued close still ran");
    }

    @Test
    void aDatabaseErrorOutsideATransactionIsOneLineNamingTheHistoryDatabase() throws Exception {
        long id = store.createConversation("t", null, null).id();
        try (Connection c = OpeningTest.raw(file); Statement s = c.createStatement()) {
            s.execute("DROP TABLE messages");
        }
        StoreException e = assertThrows(StoreException.class, () -> store.messages(id));
        assertTrue(e.getMessage().startsWith("history database: "), e.getMessage());
        assertTrue(e.getMessage().contains("no such table: messages"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** Keeps the writer busy until {@code gate} is released; returns the writer thread. */
    private Thread holdTheWriter(Semaphore gate) {
        Thread writer = store.call(c -> Thread.currentThread());
        store.enqueue(c -> {
            gate.acquireUninterruptibly();
            return null;
        }, e -> { });
        return writer;
    }

    private static Set<Thread> writerThreads() {
        return Set.copyOf(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("history-writer")).toList());
    }
}
