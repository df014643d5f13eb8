package ai.holysheep.chat.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The schema, as the ordered steps that build it, and the code that applies them. */
final class Migrations {
    static final List<Migration> ALL = List.of(
            new Migration(1, List.of(
                    """
                    CREATE TABLE conversations (
                        id          INTEGER PRIMARY KEY AUTOINCREMENT,
                        title       TEXT    NOT NULL,
                        created_at  INTEGER NOT NULL,
                        updated_at  INTEGER NOT NULL,
                        profile     TEXT,
                        model       TEXT
                    )""",
                    """
                    CREATE TABLE messages (
                        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
                        conversation_id    INTEGER NOT NULL
                                           REFERENCES conversations(id) ON DELETE CASCADE,
                        seq                INTEGER NOT NULL,
                        role               TEXT    NOT NULL
                                           CHECK (role IN ('system', 'user', 'assistant')),
                        content            TEXT    NOT NULL DEFAULT '',
                        reasoning          TEXT,
                        model              TEXT,
                        status             TEXT    NOT NULL
                                           CHECK (status IN ('complete', 'partial', 'cancelled', 'error')),
                        finish_reason      TEXT,
                        prompt_tokens      INTEGER,
                        completion_tokens  INTEGER,
                        cost               REAL,
                        created_at         INTEGER NOT NULL,
                        updated_at         INTEGER NOT NULL,
                        UNIQUE (conversation_id, seq)
                    )""",
                    // The list and "continue the latest" read conversations newest first.
                    "CREATE INDEX conversations_by_recency ON conversations (updated_at DESC, id DESC)")),
            // Answers replaced by /retry stay in the history, marked, instead of being told apart by position.
            new Migration(2, List.of("ALTER TABLE messages ADD COLUMN replaced INTEGER NOT NULL DEFAULT 0")),
            // The part of an answer's tokens spent on attempts that broke, for the usage report;
            // null where it is not known (answers saved before this column, questions).
            new Migration(3, List.of("ALTER TABLE messages ADD COLUMN wasted_tokens INTEGER",
                    "CREATE INDEX messages_by_time ON messages (created_at)")));

    private Migrations() {
    }

    static int latestVersion(List<Migration> migrations) {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /**
     * Brings the file up to the newest version, one step per write transaction. The version is
     * read again inside each transaction, so two processes opening a fresh file at once do not
     * both run a step: the second waits for the first's lock and then finds the work done.
     */
    static void apply(Connection connection, Path file, List<Migration> migrations) {
        for (Migration migration : migrations) {
            Database.inWriteTransaction(connection, c -> {
                int current = userVersion(c);
                if (current > latestVersion(migrations)) {
                    throw new SchemaTooNewException(file, current, latestVersion(migrations));
                }
                if (current >= migration.version()) {
                    return null;
                }
                if (current != migration.version() - 1) {
                    throw new StoreException("history database " + file + " is at schema version "
                            + current + ", which has no step to version " + migration.version());
                }
                try (Statement statement = c.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + migration.version());
                }
                return null;
            });
        }
    }
}
