package ai.holysheep.chat.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * Copies the write-ahead log of a busy file back into the database on a thread of its own.
 * SQLite does it by default inside whichever commit finds the log past 1,000 pages, and that
 * commit then copies some 4 MB before it returns: in the relay, a room's burst of messages took
 * 29 ms to save instead of 3, and every member waited for it. Here the writer never does it; a
 * second connection does, every {@code every}, in SQLite's passive mode, which never blocks the
 * writer, and once the whole log has been copied the writer starts it again from the beginning,
 * so it stays about as large as what is written between two checkpoints.
 */
final class WalCheckpoints {
    private final Path file;
    private final ScheduledExecutorService timer;
    /** Opened at the first checkpoint: a store closed before then never needs it. */
    private Connection connection;
    /** A checkpoint that was waiting for {@link #close} to finish must not open the connection again. */
    private boolean closed;

    private WalCheckpoints(Path file) {
        this.file = file;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-checkpoint");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops {@code writer} checkpointing in its commits and starts doing it apart. */
    static WalCheckpoints takeOver(Connection writer, Path file, Duration every) {
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
        } catch (SQLException e) {
            throw new StoreException("history database: " + e.getMessage(), e);
        }
        WalCheckpoints checkpoints = new WalCheckpoints(file);
        checkpoints.timer.scheduleWithFixedDelay(checkpoints::checkpoint, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return checkpoints;
    }

    /**
     * One checkpoint. A failure is left for the next one: the log is only copied, never changed,
     * so the file stays whole either way.
     */
    private synchronized void checkpoint() {
        if (closed) {
            return;
        }
        try {
            if (connection == null) {
                // No busy timeout: a passive checkpoint never waits for a lock, it copies what it can.
                connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            }
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        } catch (SQLException e) {
            // Tried again at the next tick.
        }
    }

    /** Before the writer closes, which copies what is left itself as the file's last connection. */
    synchronized void close() {
        closed = true;
        timer.shutdownNow();
        if (connection != null) {
            Database.closeQuietly(connection);
            connection = null;
        }
    }
}
