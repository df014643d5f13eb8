package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueriesTest {
    @TempDir
    Path dir;
    FakeClock clock = new FakeClock(Instant.parse("2025-03-01T09:00:00Z"));
    ConversationStore store;
    long wal;
    long korean;

    @BeforeEach
    void fill() {
        store = ConversationStore.open(dir.resolve("history.db"), clock);
        wal = store.createConversation("SQLite WAL mode", "default", "gpt-4.1").id();
        store.appendUserMessage(wal, "What does 100% durable mean in SQLite_WAL?", "gpt-4.1");
        AssistantDraft answer = store.startAssistant(wal, "gpt-4.1");
        answer.appendReasoning("Think about fsync.\nThen answer.");
        answer.append("It means a committed transaction survives a crash.");
        answer.finish(MessageStatus.COMPLETE, "stop", 21, 11, 0.0003);
        clock.advance(Duration.ofMinutes(5));
        korean = store.createConversation("한국어 질문", null, "claude-sonnet-4.5").id();
        store.appendUserMessage(korean, "서울의 날씨는 어때요?", "claude-sonnet-4.5");
        AssistantDraft cut = store.startAssistant(korean, "claude-sonnet-4.5");
        cut.append("오늘 서울은");
        cut.finish(MessageStatus.ERROR, "length", null, null, null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listIsNewestFirstWithCounts() {
        List<Conversation> list = store.listConversations(10);
        assertEquals(List.of(korean, wal), list.stream().map(Conversation::id).toList());
        assertEquals(List.of(2, 2), list.stream().map(Conversation::messageCount).toList());
        assertEquals(1, store.listConversations(1).size());
    }

    @Test
    void searchLooksAtTitlesAndContentsIgnoringAsciiCaseAndTakingWildcardsLiterally() {
        assertEquals(List.of(wal), ids(store.search("wal MODE")));
        assertEquals(List.of(wal), ids(store.search("COMMITTED TRANSACTION")));
        assertEquals(List.of(korean), ids(store.search("서울")));
        assertEquals(List.of(wal), ids(store.search("100%")));
        assertEquals(List.of(wal), ids(store.search("SQLite_WAL")));
        assertEquals(List.of(), ids(store.search("SQLiteXWAL")));
        assertEquals(List.of(), ids(store.search("100%durable")));
    }

    @Test
    void renameAndDeleteReportWhetherTheConversationExisted() {
        assertTrue(store.rename(wal, "Durability"));
        assertEquals("Durability", store.conversation(wal).orElseThrow().title());
        assertFalse(store.rename(999, "nothing"));

        assertTrue(store.delete(wal));
        assertTrue(store.conversation(wal).isEmpty());
        assertTrue(store.messages(wal).isEmpty(), "messages go with their conversation");
        assertFalse(store.delete(wal));
        long next = store.createConversation("after delete", null, null).id();
        assertTrue(next > korean, "ids are never reused");
    }

    @Test
    void jsonExportReadsBackToTheSameConversationAndImportsIntoAnotherFile() {
        ConversationExport original = store.snapshot(wal).orElseThrow();
        String json = store.export(wal, ExportFormat.JSON).orElseThrow();
        assertTrue(json.contains("\"status\" : \"complete\""), json);
        assertTrue(json.contains("\"promptTokens\" : 21"), json);
        assertTrue(json.contains("\"cost\" : 0.0003,"), "a plain decimal, not 3.0E-4: " + json);
        assertTrue(json.contains("\"createdAt\" : \"2025-03-01T09:00:00Z\""), json);

        assertEquals(original, Exports.readJson(json));

        try (ConversationStore other = ConversationStore.open(dir.resolve("other.db"))) {
            Conversation imported = other.importConversation(Exports.readJson(
                    store.export(korean, ExportFormat.JSON).orElseThrow()));
            ConversationExport again = other.snapshot(imported.id()).orElseThrow();
            ConversationExport source = store.snapshot(korean).orElseThrow();
            assertEquals(withoutIds(source), withoutIds(again));
            assertEquals(MessageStatus.ERROR, again.messages().get(1).status());
        }
    }

    @Test
    void anImportKeepsReasoningAndUsage() {
        try (ConversationStore other = ConversationStore.open(dir.resolve("other.db"))) {
            Conversation imported = other.importConversation(store.snapshot(wal).orElseThrow());
            assertEquals(withoutIds(store.snapshot(wal).orElseThrow()),
                    withoutIds(other.snapshot(imported.id()).orElseThrow()));
            StoredMessage answer = other.messages(imported.id()).get(1);
            assertEquals("Think about fsync.\nThen answer.", answer.reasoning());
            assertEquals(List.of(21, 11), List.of(answer.promptTokens(), answer.completionTokens()));
            assertEquals(0.0003, answer.cost());
        }
    }

    @Test
    void c1ControlsAreEscapedInTheJsonExportSoPrintingItCannotDriveATerminal() {
        long id = store.createConversation("controls", null, null).id();
        store.appendUserMessage(id, "a\u0080b\u009bc\u009fd\u00a0e", null);
        String json = store.export(id, ExportFormat.JSON).orElseThrow();
        assertTrue(json.contains("\"a\\u0080b\\u009bc\\u009fd\u00a0e\""), "U+0080 to U+009F only: " + json);
        assertEquals(store.snapshot(id).orElseThrow(), Exports.readJson(json));
    }

    @Test
    void aDocumentThatIsNotAnExportIsAOneLineError() {
        StoreException e = assertThrows(StoreException.class, () -> Exports.readJson("{\"format\": 1"));
        assertTrue(e.getMessage().startsWith("not a holysheep-chat conversation export"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        String badTime = store.export(wal, ExportFormat.JSON).orElseThrow()
                .replace("\"2025-03-01T09:00:00Z\"", "\"yesterday\"");
        StoreException time = assertThrows(StoreException.class, () -> Exports.readJson(badTime));
        assertTrue(time.getMessage().startsWith("not a holysheep-chat conversation export"), time.getMessage());
        assertTrue(time.getMessage().contains("not an ISO-8601 instant"), time.getMessage());
        assertFalse(time.getMessage().contains("\n"), time.getMessage());
    }

    @Test
    void markdownExportReadsLikeTheConversation() {
        String markdown = store.export(wal, ExportFormat.MARKDOWN).orElseThrow();
        assertEquals("""
                # SQLite WAL mode

                - Conversation %d, model gpt-4.1, profile default
                - Started 2025-03-01T09:00:00Z, last active 2025-03-01T09:00:00Z

                ## You

                What does 100%% durable mean in SQLite_WAL?

                ## Assistant · gpt-4.1 · 21 + 11 tokens · $0.0003

                > Think about fsync.
                > Then answer.

                It means a committed transaction survives a crash.
                """.formatted(wal), markdown);
        assertTrue(store.export(korean, ExportFormat.MARKDOWN).orElseThrow()
                .contains("## Assistant · claude-sonnet-4.5 · error (length)\n\n오늘 서울은\n"));
        assertTrue(store.export(404, ExportFormat.MARKDOWN).isEmpty());
    }

    @Test
    void theMessagesHeadingsNestUnderTheExportsOwn() {
        long id = store.createConversation("Plans", null, "gpt-4.1").id();
        store.appendUserMessage(id, "# make a plan", "gpt-4.1");
        AssistantDraft answer = store.startAssistant(id, "gpt-4.1");
        answer.append("# Plan\n\n## Step one\n\n```sh\n# a comment, not a heading\n```\n\nNext\n---\n\n> ### Quoted\n");
        answer.finish(MessageStatus.COMPLETE, "stop", null, null, null);
        String markdown = store.export(id, ExportFormat.MARKDOWN).orElseThrow();
        assertTrue(markdown.contains("## You\n\n### make a plan\n"), markdown);
        assertTrue(markdown.contains("## Assistant · gpt-4.1\n\n### Plan\n\n#### Step one\n\n"
                + "```sh\n# a comment, not a heading\n```\n\n#### Next\n\n> ##### Quoted\n"), markdown);
    }

    @Test
    void anAnswerAskedAgainForIsMarkedReplacedInTheExports() {
        store.markAnswersReplaced(wal);
        AssistantDraft again = store.startAssistant(wal, "gpt-4.1");
        again.append("It survives power loss too.");
        again.finish(MessageStatus.COMPLETE, "stop", null, null, null);

        List<StoredMessage> messages = store.messages(wal);
        assertEquals(List.of(false, true, false), messages.stream().map(StoredMessage::replaced).toList());
        String markdown = store.export(wal, ExportFormat.MARKDOWN).orElseThrow();
        assertTrue(markdown.contains("## Assistant · gpt-4.1 · replaced (asked again) · 21 + 11 tokens"), markdown);
        String json = store.export(wal, ExportFormat.JSON).orElseThrow();
        assertTrue(json.contains("\"replaced\" : true"), json);
        assertEquals(store.snapshot(wal).orElseThrow(), Exports.readJson(json));
        assertEquals(1, store.markAnswersReplaced(wal), "the answers after the last question, each once");
    }

    @Test
    void askingAgainMarksOnlyTheAnswersToTheLastQuestion() {
        store.appendUserMessage(wal, "And without WAL?", "gpt-4.1");
        AssistantDraft second = store.startAssistant(wal, "gpt-4.1");
        second.append("Then a rollback journal does the same.");
        second.finish(MessageStatus.COMPLETE, "stop", null, null, null);

        assertEquals(1, store.markAnswersReplaced(wal));
        assertEquals(List.of(false, false, false, true),
                store.messages(wal).stream().map(StoredMessage::replaced).toList());
        assertEquals(List.of(false, false), store.messages(korean).stream().map(StoredMessage::replaced).toList());
    }

    private static List<Long> ids(List<Conversation> conversations) {
        return conversations.stream().map(Conversation::id).toList();
    }

    private static List<Object> withoutIds(ConversationExport export) {
        Conversation c = export.conversation();
        return List.of(List.of(c.title(), c.createdAt(), c.updatedAt(), String.valueOf(c.profile()),
                        String.valueOf(c.model()), c.messageCount()),
                export.messages().stream().map(m -> new StoredMessage(0, 0, m.seq(), m.role(), m.content(),
                        m.reasoning(), m.model(), m.status(), m.finishReason(), m.promptTokens(),
                        m.completionTokens(), m.cost(), m.createdAt(), m.updatedAt())).toList());
    }
}
