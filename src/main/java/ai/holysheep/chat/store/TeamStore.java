package ai.holysheep.chat.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team relay's own SQLite file: its members (by token hash) and every request it relayed.
 * A separate file from the history database: it belongs to whoever runs the server, and the
 * members' conversations never land in it, only their counts.
 *
 * <p>Calls are serialised on the one connection; they are short (a lookup per request, an
 * insert per answer), and several processes may share the file ({@code serve members add}
 * while the server runs), which SQLite's own locking handles.
 */
public final class TeamStore implements AutoCloseable {
    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, List.of(
                    "CREATE TABLE member ("
                            + " name TEXT PRIMARY KEY,"
                            + " token_hash TEXT NOT NULL UNIQUE,"
                            + " admin INTEGER NOT NULL DEFAULT 0,"
                            + " created_at INTEGER NOT NULL)",
                    "CREATE TABLE relayed ("
                            + " id INTEGER PRIMARY KEY,"
                            + " member TEXT NOT NULL,"
                            + " model TEXT NOT NULL,"
                            + " at INTEGER NOT NULL,"
                            + " status INTEGER NOT NULL,"
                            + " outcome TEXT NOT NULL,"
                            + " prompt_tokens INTEGER NOT NULL,"
                            + " completion_tokens INTEGER NOT NULL,"
                            + " wasted_tokens INTEGER NOT NULL,"
                            + " cost_usd REAL NOT NULL,"
                            + " duration_ms INTEGER NOT NULL,"
                            + " retries INTEGER NOT NULL,"
                            + " resumes INTEGER NOT NULL)",
                    "CREATE INDEX relayed_at ON relayed (at)")),
            new Migration(2, List.of(
                    "CREATE TABLE room ("
                            + " name TEXT PRIMARY KEY,"
                            + " created_at INTEGER NOT NULL)",
                    "CREATE TABLE room_message ("
                            + " room TEXT NOT NULL REFERENCES room (name) ON DELETE CASCADE,"
                            + " seq INTEGER NOT NULL,"
                            + " client_id TEXT,"
                            + " author TEXT NOT NULL,"
                            + " role TEXT NOT NULL,"
                            + " text TEXT NOT NULL,"
                            + " status TEXT NOT NULL,"
                            + " at INTEGER NOT NULL,"
                            + " PRIMARY KEY (room, seq),"
                            + " UNIQUE (room, client_id))")));

    /** How {@link #usage} groups its totals. */
    public enum Grouping { MEMBER, MODEL, DAY }

    /** The relay writes on every request and every burst of a room: its commits never checkpoint. */
    private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(2);

    private final Connection connection;
    private final Clock clock;
    private final WalCheckpoints checkpoints;
    /**
     * Members by token hash as last read, so the lookup on every relayed request is not a read
     * transaction on the file. Only members are kept (a stranger's guesses cannot fill it), and
     * all of it is dropped when SQLite's data_version says another connection wrote the file
     * ({@code serve members remove} in another process takes effect at the next request).
     */
    private final Map<String, TeamMember> knownMembers = new HashMap<>();
    private long knownAtVersion = -1;

    private TeamStore(Connection connection, Clock clock, WalCheckpoints checkpoints) {
        this.connection = connection;
        this.clock = clock;
        this.checkpoints = checkpoints;
    }

    /** Opens (creating it, private to its owner, with missing directories) and migrates. */
    public static TeamStore open(Path file, Clock clock) {
        return open(file, clock, CHECKPOINT_EVERY);
    }

    /** @param checkpointEvery how often the log is copied back into the file ({@link WalCheckpoints}) */
    static TeamStore open(Path file, Clock clock, Duration checkpointEvery) {
        HistoryLocation.createParentDirectories(file);
        HistoryLocation.createPrivateFile(file);
        Connection connection = Database.open(file, MIGRATIONS);
        try {
            return new TeamStore(connection, clock, WalCheckpoints.takeOver(connection, file, checkpointEvery));
        } catch (StoreException e) {
            Database.closeQuietly(connection);
            throw e;
        }
    }

    /** @return false when a member of that name already exists */
    public synchronized boolean addMember(String name, String tokenHash, boolean admin) {
        knownMembers.clear();
        return Database.inWriteTransaction(connection, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM member WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO member (name, token_hash, admin, created_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, name);
                s.setString(2, tokenHash);
                s.setInt(3, admin ? 1 : 0);
                s.setLong(4, clock.millis());
                s.executeUpdate();
            }
            return true;
        });
    }

    /** @return false when there was no such member */
    public synchronized boolean removeMember(String name) {
        knownMembers.clear();
        return Database.inWriteTransaction(connection, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM member WHERE name = ?")) {
                s.setString(1, name);
                return s.executeUpdate() > 0;
            }
        });
    }

    public synchronized List<TeamMember> members() {
        return Database.inReadTransaction(connection, c -> {
            List<TeamMember> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, admin, created_at FROM member ORDER BY name");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new TeamMember(r.getString(1), r.getInt(2) != 0, Instant.ofEpochMilli(r.getLong(3))));
                }
            }
            return out;
        });
    }

    public synchronized Optional<TeamMember> memberWithTokenHash(String tokenHash) {
        long version = dataVersion();
        if (version != knownAtVersion) {
            knownMembers.clear();
            knownAtVersion = version;
        }
        TeamMember known = knownMembers.get(tokenHash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<TeamMember> found = Database.inReadTransaction(connection, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, admin, created_at FROM member WHERE token_hash = ?")) {
                s.setString(1, tokenHash);
                try (ResultSet r = s.executeQuery()) {
                    return r.next()
                            ? Optional.of(new TeamMember(r.getString(1), r.getInt(2) != 0, Instant.ofEpochMilli(r.getLong(3))))
                            : Optional.empty();
                }
            }
        });
        found.ifPresent(m -> knownMembers.put(tokenHash, m));
        return found;
    }

    /** Changes whenever another connection (this process's or another's) commits to the file; not for this one's own writes. */
    private long dataVersion() {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA data_version")) {
            return r.next() ? r.getLong(1) : -1;
        } catch (SQLException e) {
            throw new StoreException("cannot read the relay's database: " + e.getMessage(), e);
        }
    }

    public synchronized void record(RelayedRequest q) {
        Database.inWriteTransaction(connection, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO relayed (member, model, at, status, outcome,"
                    + " prompt_tokens, completion_tokens, wasted_tokens, cost_usd, duration_ms, retries, resumes)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, q.member());
                s.setString(2, q.model());
                s.setLong(3, q.at().toEpochMilli());
                s.setInt(4, q.status());
                s.setString(5, q.outcome());
                s.setLong(6, q.promptTokens());
                s.setLong(7, q.completionTokens());
                s.setLong(8, q.wastedTokens());
                s.setDouble(9, q.costUsd());
                s.setLong(10, q.durationMillis());
                s.setInt(11, q.retries());
                s.setInt(12, q.resumes());
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Totals of the requests since {@code since}, grouped, largest cost first.
     *
     * @param member only this member's requests, or everyone's when null
     */
    public synchronized List<UsageTotal> usage(Instant since, Grouping grouping, String member) {
        String key = switch (grouping) {
            case MEMBER -> "member";
            case MODEL -> "model";
            case DAY -> "strftime('%Y-%m-%d', at / 1000, 'unixepoch')";
        };
        String sql = "SELECT " + key + " AS k, COUNT(*), SUM(prompt_tokens), SUM(completion_tokens),"
                + " SUM(wasted_tokens), SUM(cost_usd), SUM(resumes), SUM(outcome NOT IN ('done', 'left'))"
                + " FROM relayed WHERE at >= ?" + (member == null ? "" : " AND member = ?")
                + " GROUP BY k ORDER BY " + (grouping == Grouping.DAY ? "k" : "SUM(cost_usd) DESC, k");
        return Database.inReadTransaction(connection, c -> {
            List<UsageTotal> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, since.toEpochMilli());
                if (member != null) {
                    s.setString(2, member);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new UsageTotal(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4),
                                r.getLong(5), r.getDouble(6), r.getLong(7), r.getLong(8)));
                    }
                }
            }
            return out;
        });
    }

    /** @return false when a room of that name already exists */
    public synchronized boolean createRoom(String name) {
        return Database.inWriteTransaction(connection, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO room (name, created_at) VALUES (?, ?)")) {
                s.setString(1, name);
                s.setLong(2, clock.millis());
                return s.executeUpdate() > 0;
            }
        });
    }

    public synchronized List<StoredRoom> rooms() {
        return Database.inReadTransaction(connection, c -> {
            List<StoredRoom> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT r.name, r.created_at,"
                    + " (SELECT COALESCE(MAX(seq), 0) FROM room_message m WHERE m.room = r.name) FROM room r ORDER BY r.name");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new StoredRoom(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), r.getLong(3)));
                }
            }
            return out;
        });
    }

    public synchronized Optional<StoredRoom> room(String name) {
        return rooms().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * Appends a message at the room's next sequence number. A client id the room already has is
     * refused by the schema; callers look for it first ({@link #messagesWithClientIds}).
     */
    public RoomMessage post(String room, String clientId, String author, String role, String text, String status) {
        return postAll(room, List.of(new RoomPost(clientId, author, role, text, status))).get(0);
    }

    /**
     * Appends messages to a room, in the given order at its next sequence numbers, in one
     * transaction: a burst of messages costs one commit, not one each.
     */
    public synchronized List<RoomMessage> postAll(String room, List<RoomPost> posts) {
        return Database.inWriteTransaction(connection, c -> {
            long seq;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM room_message WHERE room = ?")) {
                s.setString(1, room);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    seq = r.getLong(1);
                }
            }
            Instant at = Instant.ofEpochMilli(clock.millis());
            List<RoomMessage> out = new ArrayList<>(posts.size());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO room_message"
                    + " (room, seq, client_id, author, role, text, status, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RoomPost p : posts) {
                    seq++;
                    s.setString(1, room);
                    s.setLong(2, seq);
                    s.setString(3, p.clientId());
                    s.setString(4, p.author());
                    s.setString(5, p.role());
                    s.setString(6, p.text());
                    s.setString(7, p.status());
                    s.setLong(8, at.toEpochMilli());
                    s.executeUpdate();
                    out.add(new RoomMessage(room, seq, p.clientId(), p.author(), p.role(), p.text(), p.status(), at));
                }
            }
            return out;
        });
    }

    public Optional<RoomMessage> messageWithClientId(String room, String clientId) {
        return Optional.ofNullable(messagesWithClientIds(room, List.of(clientId)).get(clientId));
    }

    /**
     * The room's messages that carry any of {@code clientIds}, by client id, in one read: one
     * query per {@value #IDS_PER_QUERY} ids rather than one each (a burst of 200 cost 200).
     */
    public synchronized Map<String, RoomMessage> messagesWithClientIds(String room, Collection<String> clientIds) {
        List<String> ids = List.copyOf(clientIds);
        return Database.inReadTransaction(connection, c -> {
            Map<String, RoomMessage> out = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                try (PreparedStatement s = c.prepareStatement(MESSAGE_COLUMNS + " WHERE room = ? AND client_id IN ("
                        + String.join(", ", Collections.nCopies(some.size(), "?")) + ")")) {
                    s.setString(1, room);
                    for (int i = 0; i < some.size(); i++) {
                        s.setString(i + 2, some.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            RoomMessage m = message(r);
                            out.put(m.clientId(), m);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Saves a streaming answer's text so far, or its final text and status. */
    public synchronized void update(RoomMessage message) {
        Database.inWriteTransaction(connection, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE room_message SET text = ?, status = ? WHERE room = ? AND seq = ?")) {
                s.setString(1, message.text());
                s.setString(2, message.status());
                s.setString(3, message.room());
                s.setLong(4, message.seq());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Messages after {@code after}, in order, at most {@code limit}. */
    public synchronized List<RoomMessage> messages(String room, long after, int limit) {
        return Database.inReadTransaction(connection, c -> {
            List<RoomMessage> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(MESSAGE_COLUMNS
                    + " WHERE room = ? AND seq > ? ORDER BY seq LIMIT ?")) {
                s.setString(1, room);
                s.setLong(2, after);
                s.setInt(3, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(message(r));
                    }
                }
            }
            return out;
        });
    }

    /** The last {@code count} messages of a room, oldest first: the context for the model. */
    public synchronized List<RoomMessage> recent(String room, int count) {
        return Database.inReadTransaction(connection, c -> {
            List<RoomMessage> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(MESSAGE_COLUMNS
                    + " WHERE room = ? ORDER BY seq DESC LIMIT ?")) {
                s.setString(1, room);
                s.setInt(2, count);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(0, message(r));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Marks answers left streaming by a server that stopped without ending them: after a restart
     * nothing will add to them.
     */
    public synchronized int interruptStreaming() {
        return Database.inWriteTransaction(connection, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE room_message SET status = 'failed' WHERE status = 'streaming'")) {
                return s.executeUpdate();
            }
        });
    }

    /** Well under SQLite's limit on a statement's parameters (32,766 since 3.32). */
    private static final int IDS_PER_QUERY = 500;
    private static final String MESSAGE_COLUMNS =
            "SELECT room, seq, client_id, author, role, text, status, at FROM room_message";

    private static RoomMessage message(ResultSet r) throws SQLException {
        return new RoomMessage(r.getString(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), Instant.ofEpochMilli(r.getLong(8)));
    }

    @Override
    public synchronized void close() {
        checkpoints.close();
        Database.closeQuietly(connection);
    }
}
