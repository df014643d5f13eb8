package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;

/**
 * Which SQLite errors mean "another writer has the file", how often such work is tried again, and
 * what a connection is opened and closed with.
 */
class BusyRetryTest {
    @TempDir
    Path dir;

    static SQLException sqlite(SQLiteErrorCode code) {
        return new SQLException(code.message, null, code.code);
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void busyAndLockedCountWithTheirExtendedCodesAndNothingElseDoes() {
        assertTrue(Database.isBusy(sqlite(SQLiteErrorCode.SQLITE_BUSY)));
        assertTrue(Database.isBusy(sqlite(SQLiteErrorCode.SQLITE_LOCKED)));
        assertTrue(Database.isBusy(sqlite(SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT)));
        assertTrue(Database.isBusy(sqlite(SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE)));
        assertFalse(Database.isBusy(sqlite(SQLiteErrorCode.SQLITE_ERROR)));
        assertFalse(Database.isBusy(sqlite(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)));
        assertFalse(Database.isBusy(sqlite(SQLiteErrorCode.SQLITE_IOERR_READ)));
        assertFalse(Database.isBusy(new SQLException("no code")));
    }

    @Test
    void workThatFindsTheFileBusyIsTriedAgainUntilItSucceeds() throws SQLException {
        AtomicInteger calls = new AtomicInteger();
        String result = Database.withRetry(() -> {
            if (calls.incrementAndGet() < Database.ATTEMPTS) {
                throw sqlite(SQLiteErrorCode.SQLITE_BUSY);
            }
            return "written";
        });
        assertEquals("written", result);
        assertEquals(Database.ATTEMPTS, calls.get());
    }

    @Test
    void aFileThatStaysBusyGivesUpAfterTheLastAttemptWithItsError() {
        AtomicInteger calls = new AtomicInteger();
        SQLException busy = sqlite(SQLiteErrorCode.SQLITE_LOCKED);
        SQLException thrown = assertThrows(SQLException.class, () -> Database.withRetry(() -> {
            calls.incrementAndGet();
            throw busy;
        }));
        assertSame(busy, thrown);
        assertEquals(Database.ATTEMPTS, calls.get());
    }

    @Test
    void anyOtherErrorIsNotTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        SQLException full = sqlite(SQLiteErrorCode.SQLITE_FULL);
        assertSame(full, assertThrows(SQLException.class, () -> Database.withRetry(() -> {
            calls.incrementAndGet();
            throw full;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void anInterruptDuringThePauseStopsTheRetriesAndStaysVisible() {
        AtomicInteger calls = new AtomicInteger();
        Thread.currentThread().interrupt();
        SQLException thrown = assertThrows(SQLException.class, () -> Database.withRetry(() -> {
            calls.incrementAndGet();
            throw sqlite(SQLiteErrorCode.SQLITE_BUSY);
        }));
        assertEquals("interrupted while the history database was busy", thrown.getMessage());
        assertInstanceOf(InterruptedException.class, thrown.getCause());
        assertEquals(1, calls.get());
        assertTrue(Thread.interrupted(), "the caller still sees the interrupt");
    }

    @Test
    void aConnectionWaitsForAnotherWritersLockBeforeCallingTheFileBusy() throws SQLException {
        try (Connection c = Database.open(dir.resolve("history.db"), Migrations.ALL)) {
            assertEquals(String.valueOf(Database.BUSY_TIMEOUT_MS), OpeningTest.queryText(c, "PRAGMA busy_timeout"));
        }
    }

    @Test
    void aFailedTransactionIsRolledBackAndReportedOnOneLine() throws SQLException {
        try (Connection c = Database.open(dir.resolve("history.db"), Migrations.ALL)) {
            StoreException e = assertThrows(StoreException.class, () -> Database.inWriteTransaction(c, connection -> {
                throw new SQLException("disk I/O error\n   while writing   page 7");
            }));
            assertEquals("history database: disk I/O error while writing page 7", e.getMessage());
            StoreException unnamed = assertThrows(StoreException.class, () -> Database.inReadTransaction(c, connection -> {
                throw new SQLException();
            }));
            assertEquals("history database: SQLException", unnamed.getMessage());
            assertEquals("written", Database.inWriteTransaction(c, connection -> "written"), "no transaction was left open");
        }
    }

    @Test
    void closingTheTeamStoreClosesItsFileLeavingNoWriteAheadLog() throws Exception {
        Path file = dir.resolve("serve.db");
        TeamStore store = TeamStore.open(file, new FakeClock(Instant.parse("2025-03-04T14:30:05Z")));
        assertTrue(Files.exists(Path.of(file + "-wal")), "open in WAL mode");
        store.close();
        assertFalse(Files.exists(Path.of(file + "-wal")), "the last connection to close folds the log back in");
    }
}
