package ai.holysheep.chat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL for each read and write, and the mapping between rows and records. */
final class Rows {
    private static final String CONVERSATION_COLUMNS = """
            SELECT c.id, c.title, c.created_at, c.updated_at, c.profile, c.model,
                   (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id)
            FROM conversations c
            """;
    private static final String NEWEST_FIRST = " ORDER BY c.updated_at DESC, c.id DESC";
    private static final String MESSAGE_COLUMNS = """
            SELECT id, conversation_id, seq, role, content, reasoning, model, status, finish_reason,
                   prompt_tokens, completion_tokens, cost, created_at, updated_at, replaced
            FROM messages
            """;

    private Rows() {
    }

    static long insertConversation(Connection c, String title, Instant created, Instant updated,
                                   String profile, String model) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO conversations (title, created_at, updated_at, profile, model) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, title);
            insert.setLong(2, created.toEpochMilli());
            insert.setLong(3, updated.toEpochMilli());
            insert.setString(4, profile);
            insert.setString(5, model);
            insert.executeUpdate();
        }
        return lastInsertId(c);
    }

    /** Appends at the end of the conversation; the caller holds the write lock, so seq is unique. */
    static long insertMessage(Connection c, StoredMessage m) throws SQLException {
        if (!conversationExists(c, m.conversationId())) {
            throw new StoreException("no conversation " + m.conversationId());
        }
        int seq;
        try (PreparedStatement next = c.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?")) {
            next.setLong(1, m.conversationId());
            try (ResultSet rows = next.executeQuery()) {
                rows.next();
                seq = rows.getInt(1);
            }
        }
        return insertAt(c, m, seq);
    }

    /**
     * Puts an answer right after its question, moving what others saved meanwhile (another
     * process's question, say) one place down, so that a question and its answer always sit
     * together. Appends at the end when the question is gone. The caller holds the write lock.
     */
    static long insertAfter(Connection c, StoredMessage m, long questionId) throws SQLException {
        Integer question = null;
        try (PreparedStatement find = c.prepareStatement("SELECT seq FROM messages WHERE id = ? AND conversation_id = ?")) {
            find.setLong(1, questionId);
            find.setLong(2, m.conversationId());
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    question = rows.getInt(1);
                }
            }
        }
        if (question == null) {
            return insertMessage(c, m);
        }
        // Through negative numbers: (conversation_id, seq) is unique at every step of an UPDATE.
        try (PreparedStatement away = c.prepareStatement(
                "UPDATE messages SET seq = -(seq + 1) WHERE conversation_id = ? AND seq > ?");
             PreparedStatement back = c.prepareStatement(
                "UPDATE messages SET seq = -seq WHERE conversation_id = ? AND seq < 0")) {
            away.setLong(1, m.conversationId());
            away.setInt(2, question);
            away.executeUpdate();
            back.setLong(1, m.conversationId());
            back.executeUpdate();
        }
        return insertAt(c, m, question + 1);
    }

    private static long insertAt(Connection c, StoredMessage m, int seq) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO messages (conversation_id, seq, role, content, reasoning, model, status,
                    finish_reason, prompt_tokens, completion_tokens, cost, created_at, updated_at, replaced)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, m.conversationId());
            insert.setInt(2, seq);
            insert.setString(3, m.role().word());
            insert.setString(4, m.content());
            insert.setString(5, m.reasoning());
            insert.setString(6, m.model());
            insert.setString(7, m.status().word());
            insert.setString(8, m.finishReason());
            setInteger(insert, 9, m.promptTokens());
            setInteger(insert, 10, m.completionTokens());
            setDouble(insert, 11, m.cost());
            insert.setLong(12, m.createdAt().toEpochMilli());
            insert.setLong(13, m.updatedAt().toEpochMilli());
            insert.setInt(14, m.replaced() ? 1 : 0);
            insert.executeUpdate();
        }
        return lastInsertId(c);
    }

    /** Rewrites everything about an existing message but its place and creation time. */
    static void updateMessage(Connection c, long id, StoredMessage m) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE messages SET content = ?, reasoning = ?, model = ?, status = ?, finish_reason = ?,
                    prompt_tokens = ?, completion_tokens = ?, cost = ?, updated_at = ?
                WHERE id = ?""")) {
            update.setString(1, m.content());
            update.setString(2, m.reasoning());
            update.setString(3, m.model());
            update.setString(4, m.status().word());
            update.setString(5, m.finishReason());
            setInteger(update, 6, m.promptTokens());
            setInteger(update, 7, m.completionTokens());
            setDouble(update, 8, m.cost());
            update.setLong(9, m.updatedAt().toEpochMilli());
            update.setLong(10, id);
            if (update.executeUpdate() != 1) {
                throw new StoreException("message " + id + " no longer exists (was its conversation deleted?)");
            }
        }
    }

    static void setWastedTokens(Connection c, long id, int tokens) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE messages SET wasted_tokens = ? WHERE id = ?")) {
            update.setInt(1, tokens);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Every answer saved since {@code since}, replaced ones included (they were paid for too), oldest first. */
    static List<AnswerUsage> answerUsage(Connection c, Instant since) throws SQLException {
        List<AnswerUsage> result = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("""
                SELECT m.conversation_id, c.title, m.model, m.created_at, m.prompt_tokens, m.completion_tokens,
                       m.wasted_tokens, m.cost
                FROM messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE m.role = 'assistant' AND m.created_at >= ?
                ORDER BY m.created_at, m.id""")) {
            query.setLong(1, since.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.add(new AnswerUsage(rows.getLong(1), rows.getString(2), rows.getString(3),
                            Instant.ofEpochMilli(rows.getLong(4)), integerOrNull(rows, 5), integerOrNull(rows, 6),
                            integerOrNull(rows, 7), doubleOrNull(rows, 8)));
                }
            }
        }
        return result;
    }

    /** Marks every answer after the conversation's last question as replaced; returns how many. */
    static int markAnswersReplaced(Connection c, long conversationId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE messages SET replaced = 1
                WHERE conversation_id = ? AND role = 'assistant' AND replaced = 0
                  AND seq > (SELECT COALESCE(MAX(seq), 0) FROM messages WHERE conversation_id = ? AND role = 'user')""")) {
            update.setLong(1, conversationId);
            update.setLong(2, conversationId);
            return update.executeUpdate();
        }
    }

    /** Marks activity: the list shows recently used conversations first. */
    static void touchConversation(Connection c, long id, Instant when, String model) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE conversations SET updated_at = MAX(updated_at, ?), model = COALESCE(?, model) WHERE id = ?")) {
            update.setLong(1, when.toEpochMilli());
            update.setString(2, model);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    static List<Conversation> listConversations(Connection c, int limit) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(CONVERSATION_COLUMNS + NEWEST_FIRST + " LIMIT ?")) {
            query.setInt(1, limit);
            return conversations(query);
        }
    }

    static Optional<Conversation> conversation(Connection c, long id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(CONVERSATION_COLUMNS + " WHERE c.id = ?")) {
            query.setLong(1, id);
            return conversations(query).stream().findFirst();
        }
    }

    /** Case-insensitive for ASCII (SQLite's LIKE); %, _ and \ in the text match themselves. */
    static List<Conversation> search(Connection c, String text) throws SQLException {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (PreparedStatement query = c.prepareStatement(CONVERSATION_COLUMNS + """
                WHERE c.title LIKE ? ESCAPE '\\'
                   OR EXISTS (SELECT 1 FROM messages m
                              WHERE m.conversation_id = c.id AND m.content LIKE ? ESCAPE '\\')
                """ + NEWEST_FIRST)) {
            query.setString(1, pattern);
            query.setString(2, pattern);
            return conversations(query);
        }
    }

    static List<StoredMessage> messages(Connection c, long conversationId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(MESSAGE_COLUMNS + " WHERE conversation_id = ? ORDER BY seq")) {
            query.setLong(1, conversationId);
            return messages(query);
        }
    }

    static StoredMessage message(Connection c, long id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(MESSAGE_COLUMNS + " WHERE id = ?")) {
            query.setLong(1, id);
            return messages(query).get(0);
        }
    }

    static boolean deleteConversation(Connection c, long id) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    static boolean renameConversation(Connection c, long id, String title) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE conversations SET title = ? WHERE id = ?")) {
            update.setString(1, title);
            update.setLong(2, id);
            return update.executeUpdate() == 1;
        }
    }

    private static boolean conversationExists(Connection c, long id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM conversations WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<Conversation> conversations(PreparedStatement query) throws SQLException {
        List<Conversation> result = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                result.add(new Conversation(rows.getLong(1), rows.getString(2),
                        Instant.ofEpochMilli(rows.getLong(3)), Instant.ofEpochMilli(rows.getLong(4)),
                        rows.getString(5), rows.getString(6), rows.getInt(7)));
            }
        }
        return result;
    }

    private static List<StoredMessage> messages(PreparedStatement query) throws SQLException {
        List<StoredMessage> result = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                result.add(new StoredMessage(rows.getLong(1), rows.getLong(2), rows.getInt(3),
                        Role.fromWord(rows.getString(4)), rows.getString(5), rows.getString(6),
                        rows.getString(7), MessageStatus.fromWord(rows.getString(8)), rows.getString(9),
                        integerOrNull(rows, 10), integerOrNull(rows, 11), doubleOrNull(rows, 12),
                        Instant.ofEpochMilli(rows.getLong(13)), Instant.ofEpochMilli(rows.getLong(14)),
                        rows.getInt(15) != 0));
            }
        }
        return result;
    }

    private static long lastInsertId(Connection c) throws SQLException {
        try (var statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT last_insert_rowid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Integer integerOrNull(ResultSet rows, int index) throws SQLException {
        int value = rows.getInt(index);
        return rows.wasNull() ? null : value;
    }

    private static Double doubleOrNull(ResultSet rows, int index) throws SQLException {
        double value = rows.getDouble(index);
        return rows.wasNull() ? null : value;
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }
}
