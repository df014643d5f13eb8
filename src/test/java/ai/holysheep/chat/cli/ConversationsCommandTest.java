package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.Main;
import ai.holysheep.chat.store.AssistantDraft;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.Exports;
import ai.holysheep.chat.store.MessageStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationsCommandTest {
    @TempDir
    Path dir;
    Path db;
    long english;
    long korean;
    long hostile;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void saveThreeConversations() {
        db = dir.resolve("history.db");
        try (ConversationStore store = at("2025-03-01T09:00:00Z")) {
            english = store.createConversation("Explain WAL", "default", "gpt-4.1").id();
            store.appendUserMessage(english, "Explain WAL", "gpt-4.1");
            AssistantDraft answer = store.startAssistant(english, "gpt-4.1");
            answer.append("Write-ahead logging.");
            answer.finish(MessageStatus.COMPLETE, "stop", 5, 4, null);
        }
        try (ConversationStore store = at("2025-03-01T09:05:00Z")) {
            korean = store.createConversation("서울 날씨", null, "claude-sonnet-4.5").id();
            store.appendUserMessage(korean, "서울 날씨 알려줘", "claude-sonnet-4.5");
        }
        try (ConversationStore store = at("2025-03-01T09:10:00Z")) {
            hostile = store.createConversation("\u001b]0;owned\u0007Evil\ttitle", null, null).id();
            store.appendUserMessage(hostile, "hi", null);
            AssistantDraft answer = store.startAssistant(hostile, "deepseek-v3.2");
            answer.append("Clear \u001b[2Jscreen\u009b and a bell\u0007.\nSecond line.");
            answer.flush();
        }
    }

    @Test
    void pipedListIsOneTabSeparatedLinePerConversationNewestFirst() {
        int status = run(false, "conversations", "list", "--history-db", db.toString());

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(
                hostile + "\tEvil title\t-\t2\t2025-03-01T09:10:00Z",
                korean + "\t서울 날씨\tclaude-sonnet-4.5\t1\t2025-03-01T09:05:00Z",
                english + "\tExplain WAL\tgpt-4.1\t2\t2025-03-01T09:00:00Z"), lines(out));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theAliasAndABareCommandListToo() {
        assertEquals(0, run(false, "conv", "--history-db", db.toString()));
        assertEquals(3, lines(out).size());
    }

    @Test
    void onATerminalColumnsLineUpByDisplayWidthWithHangulCountingTwo() {
        assertEquals(0, run(true, "conversations", "--history-db", db.toString(), "list"));

        List<String> lines = lines(out);
        assertEquals(3, lines.size());
        // Each line's model column starts at the same display column.
        List<Integer> modelColumns = lines.stream().map(line -> {
            int at = line.indexOf(line.contains("gpt-4.1") ? "gpt-4.1" : line.contains("claude") ? "claude" : "  -  ");
            return TerminalText.width(line.substring(0, at)) + (line.contains("  -  ") ? 2 : 0);
        }).toList();
        assertEquals(1, modelColumns.stream().distinct().count(), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(line -> line.contains("\u001b")));
    }

    @Test
    void showPrintsTheConversationWithoutItsEscapeSequences() {
        assertEquals(0, run(true, "conversations", "show", String.valueOf(hostile), "--history-db", db.toString()));

        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith(hostile + "  Evil title\n"), shown);
        assertTrue(shown.contains("\nyou:\nhi\n"), shown);
        assertTrue(shown.contains("\nassistant (deepseek-v3.2) [partial: interrupted before it finished]:\n"
                // An 8-bit CSI swallows what a terminal would take as its parameters: " a".
                + "Clear screennd a bell.\nSecond line.\n"), shown);
        assertFalse(shown.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b), shown);
    }

    @Test
    void exportJsonToAPipeIsTheExactDocumentThatReadsBack() {
        assertEquals(0, run(false, "conversations", "export", String.valueOf(korean), "--format", "json",
                "--history-db", db.toString()));

        Conversation read = Exports.readJson(out.toString(StandardCharsets.UTF_8)).conversation();
        assertEquals("서울 날씨", read.title());
        assertEquals(korean, read.id());
    }

    @Test
    void aMarkdownExportToAFileHoldsNoControlSequenceAJsonExportKeepsThemEscaped() {
        assertEquals(0, run(false, "conversations", "export", String.valueOf(hostile), "--history-db", db.toString()));
        String markdown = out.toString(StandardCharsets.UTF_8);
        assertTrue(markdown.contains("Second line."), markdown);
        assertFalse(markdown.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b), markdown);

        out.reset();
        assertEquals(0, run(false, "conversations", "export", String.valueOf(hostile), "--format", "json",
                "--history-db", db.toString()));
        String json = out.toString(StandardCharsets.UTF_8);
        assertFalse(json.chars().anyMatch(c -> c == 0x1b || c == 0x07 || (c >= 0x80 && c <= 0x9f)), json);
        assertTrue(json.contains("screen\\u009b and"), json);
        assertEquals("Clear \u001b[2Jscreen\u009b and a bell\u0007.\nSecond line.",
                Exports.readJson(json).messages().get(1).content());
    }

    @Test
    void exportMarkdownIsTheDefault() {
        assertEquals(0, run(false, "conversations", "export", String.valueOf(english), "--history-db", db.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("# Explain WAL\n"));
    }

    @Test
    void searchAndDelete() {
        assertEquals(0, run(false, "conversations", "search", "서울", "--history-db", db.toString()));
        assertEquals(List.of(korean + "\t서울 날씨\tclaude-sonnet-4.5\t1\t2025-03-01T09:05:00Z"), lines(out));

        out.reset();
        assertEquals(0, run(false, "conversations", "delete", String.valueOf(korean), "--history-db", db.toString()));
        assertEquals(List.of("deleted " + korean), lines(out));

        out.reset();
        assertEquals(0, run(false, "conversations", "search", "서울", "--history-db", db.toString()));
        assertEquals(List.of(), lines(out));
    }

    @Test
    void anUnknownOrMistypedIdIsAOneLineUsageError() {
        for (String id : List.of("999", "abc")) {
            for (String command : List.of("show", "export", "delete")) {
                out.reset();
                err.reset();
                int status = run(false, "conversations", command, id, "--history-db", db.toString());

                assertEquals(2, status, command + " " + id);
                assertEquals(List.of("holysheep-chat: no conversation '" + id
                        + "' (see: holysheep-chat conversations list)"), lines(err));
                assertEquals("", out.toString(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theDefaultLocationComesFromXdgDataHome() {
        Path data = dir.resolve("data");
        assertEquals(0, runWithEnv(Map.of("XDG_DATA_HOME", data.toString()), "conversations", "list"));
        assertTrue(data.resolve("holysheep-chat/history.db").toFile().isFile());
        assertEquals(List.of(), lines(out));
    }

    private ConversationStore at(String instant) {
        return ConversationStore.open(db, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private int run(boolean terminal, String... args) {
        return Main.run(args, io(Map.of("HOME", dir.toString()), terminal));
    }

    private int runWithEnv(Map<String, String> env, String... args) {
        return Main.run(args, io(env, false));
    }

    private Io io(Map<String, String> env, boolean terminal) {
        return new Io(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env, false, terminal, false);
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        String text = stream.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
