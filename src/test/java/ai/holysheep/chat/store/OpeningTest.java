package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpeningTest {
    @TempDir
    Path dir;

    @Test
    void defaultLocationFollowsXdgDataHome() {
        assertEquals(Path.of("/data/holysheep-chat/history.db"),
                HistoryLocation.defaultDatabase(Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/kim")));
        assertEquals(Path.of("/home/kim/.local/share/holysheep-chat/history.db"),
                HistoryLocation.defaultDatabase(Map.of("HOME", "/home/kim")));
        assertEquals(Path.of("/home/kim/.local/share/holysheep-chat/history.db"),
                HistoryLocation.defaultDatabase(Map.of("XDG_DATA_HOME", "relative/dir", "HOME", "/home/kim")));
    }

    @Test
    void theTeamDatabaseLivesBesideTheHistory() {
        assertEquals(Path.of("/data/holysheep-chat/serve.db"),
                HistoryLocation.defaultTeamDatabase(Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/kim")));
        assertEquals(Path.of("/home/kim/.local/share/holysheep-chat/serve.db"),
                HistoryLocation.defaultTeamDatabase(Map.of("XDG_DATA_HOME", "", "HOME", "/home/kim")));
    }

    @Test
    void makingTheDirectoriesSaysWhichOneWasMadeAndNothingWhenItWasThere() {
        Path file = dir.resolve("made/for/history.db");
        assertEquals(Optional.of(dir.resolve("made/for")), HistoryLocation.createParentDirectories(file));
        assertTrue(Files.isDirectory(dir.resolve("made/for")));
        assertEquals(Optional.empty(), HistoryLocation.createParentDirectories(file));
    }

    @Test
    void aFreshFileGetsTheWholeSchemaInWalModeAndPrivateDirectories() throws Exception {
        Path file = dir.resolve("new/nested/history.db");
        try (ConversationStore store = ConversationStore.open(file)) {
            assertTrue(store.listConversations(10).isEmpty());
        }
        assertEquals("rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        try (Connection c = raw(file)) {
            assertEquals(Migrations.latestVersion(Migrations.ALL), query(c, "PRAGMA user_version"));
            assertEquals("wal", queryText(c, "PRAGMA journal_mode"));
        }
    }

    @Test
    void aFileItCreatesIsPrivateWithItsWalFilesAndAnExistingOneKeepsItsPermissions() throws Exception {
        Path file = dir.resolve("history.db");
        try (ConversationStore store = ConversationStore.open(file)) {
            store.appendUserMessage(store.createConversation("t", null, null).id(), "private", null);
            for (Path each : List.of(file, dir.resolve("history.db-wal"), dir.resolve("history.db-shm"))) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(each)), each.toString());
            }
        }
        Path shared = dir.resolve("shared.db");
        Files.setPosixFilePermissions(Files.createFile(shared), PosixFilePermissions.fromString("rw-rw----"));
        try (ConversationStore store = ConversationStore.open(shared)) {
            assertTrue(store.listConversations(1).isEmpty());
        }
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    }

    @Test
    void reopeningKeepsDataAndRunsNoStepTwice() {
        Path file = dir.resolve("history.db");
        try (ConversationStore store = ConversationStore.open(file)) {
            store.appendUserMessage(store.createConversation("first", null, "gpt-4.1").id(), "hello", "gpt-4.1");
        }
        try (ConversationStore store = ConversationStore.open(file)) {
            assertEquals(1, store.mostRecent().orElseThrow().messageCount());
        }
    }

    @Test
    void laterStepsRunInOrderFromTheFilesVersionAndKeepItsRows() throws Exception {
        Path file = dir.resolve("history.db");
        try (ConversationStore store = ConversationStore.open(file)) {
            long id = store.createConversation("안녕하세요", "work", "gpt-4.1").id();
            store.appendUserMessage(id, "kept across the upgrade", "gpt-4.1");
        }
        // Two future versions, the way a later release will add them.
        int now = Migrations.latestVersion(Migrations.ALL);
        List<Migration> future = new java.util.ArrayList<>(Migrations.ALL);
        future.add(new Migration(now + 1, List.of("ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")));
        future.add(new Migration(now + 2, List.of("UPDATE conversations SET pinned = 1 WHERE title = '안녕하세요'")));
        try (Connection c = Database.open(file, future)) {
            assertEquals(now + 2, query(c, "PRAGMA user_version"));
            assertEquals(1, query(c, "SELECT pinned FROM conversations"));
            assertEquals("kept across the upgrade", queryText(c, "SELECT content FROM messages"));
        }
    }

    @Test
    void aFileFromANewerVersionIsRefusedAndLeftByteForByteAsItWas() throws Exception {
        Path file = dir.resolve("history.db");
        try (ConversationStore store = ConversationStore.open(file)) {
            store.createConversation("from the future", null, null);
        }
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE");
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);

        SchemaTooNewException e = assertThrows(SchemaTooNewException.class, () -> ConversationStore.open(file));

        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertTrue(Files.notExists(Path.of(file + "-wal")));
    }

    @Test
    void aFileThatIsNotADatabaseGivesAOneLineError() throws Exception {
        Path file = dir.resolve("history.db");
        Files.writeString(file, "this is a text file, not SQLite, and it is long enough to have a header".repeat(20));
        StoreException e = assertThrows(StoreException.class, () -> ConversationStore.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void openAsyncCompletesWithAUsableStore() {
        try (ConversationStore store = ConversationStore.openAsync(dir.resolve("h.db")).join()) {
            assertEquals("t", store.createConversation("t", null, null).title());
        }
    }

    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static int query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    static String queryText(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
