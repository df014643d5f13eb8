package ai.holysheep.chat.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * Opening the SQLite file and running transactions on it so that several holysheep-chat
 * processes can share one file: writers take the lock up front ({@code BEGIN IMMEDIATE}, so a
 * reader never has to upgrade and deadlock), SQLite waits up to {@link #BUSY_TIMEOUT_MS} for a
 * lock, and a transaction that still finds the file busy is retried a few times.
 */
final class Database {
    static final int BUSY_TIMEOUT_MS = 5_000;
    static final int ATTEMPTS = 4;

    private Database() {
    }

    /** Opens, refuses a file from a newer version without changing it, then migrates. */
    static Connection open(Path file, List<Migration> migrations) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StoreException("cannot open history database " + file + ": " + e.getMessage(), e);
        }
        try {
            // Checked before anything that writes: switching the journal mode rewrites the header.
            int version = withRetry(() -> Migrations.userVersion(connection));
            int known = Migrations.latestVersion(migrations);
            if (version > known) {
                throw new SchemaTooNewException(file, version, known);
            }
            withRetry(() -> {
                try (Statement statement = connection.createStatement()) {
                    // WAL: readers never block the writer, and a killed writer leaves the last
                    // committed state intact. NORMAL sync in WAL loses at most the latest commits
                    // on power loss, never on a process crash.
                    statement.execute("PRAGMA journal_mode = WAL");
                    statement.execute("PRAGMA synchronous = NORMAL");
                }
                return null;
            });
            Migrations.apply(connection, file, migrations);
            return connection;
        } catch (StoreException e) {
            closeQuietly(connection);
            throw e;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot use history database " + file + ": " + oneLine(e), e);
        }
    }

    static <T> T inWriteTransaction(Connection connection, SqlWork<T> work) {
        return inTransaction(connection, "BEGIN IMMEDIATE", work);
    }

    /** A consistent snapshot across several SELECTs; takes no write lock. */
    static <T> T inReadTransaction(Connection connection, SqlWork<T> work) {
        return inTransaction(connection, "BEGIN", work);
    }

    private static <T> T inTransaction(Connection connection, String begin, SqlWork<T> work) {
        try {
            return withRetry(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(begin);
                }
                try {
                    T result = work.run(connection);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("COMMIT");
                    }
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                }
            });
        } catch (SQLException e) {
            throw new StoreException("history database: " + oneLine(e), e);
        }
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** Runs {@code work}, again after a pause while the file stays busy, at most {@link #ATTEMPTS} times in all. */
    static <T> T withRetry(SqlCall<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (SQLException e) {
                if (!isBusy(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** SQLITE_BUSY or SQLITE_LOCKED, extended codes included (their low byte is the primary). */
    static boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private static void pause(int attempt) throws SQLException {
        // busy_timeout has already waited; a short jittered pause lets the other writer finish.
        long millis = 25L * attempt + ThreadLocalRandom.current().nextLong(25);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the history database was busy", e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // No transaction left to roll back: SQLite already ended it (e.g. on SQLITE_FULL).
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort; the committed state is already on disk.
        }
    }

    private static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
