package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritePathTest {
    @TempDir
    Path dir;
    Path file;
    FakeClock clock = new FakeClock(Instant.parse("2025-03-01T09:00:00Z"));
    ConversationStore store;
    long conversation;

    @BeforeEach
    void open() {
        file = dir.resolve("history.db");
        store = ConversationStore.open(file, clock);
        conversation = store.createConversation("Explain WAL", "default", "gpt-4.1").id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theUserMessageIsCommittedBeforeAppendReturns() throws Exception {
        StoredMessage sent = store.appendUserMessage(conversation, "What is WAL mode?", "gpt-4.1");

        assertEquals(1, sent.seq());
        assertEquals(MessageStatus.COMPLETE, sent.status());
        // Another connection, as a second process would see it, with the store still open.
        assertEquals(List.of("user|What is WAL mode?|complete"), rowsSeenByAnotherConnection());
    }

    @Test
    void theAnswerRowAppearsAtTheFirstDeltaNotBefore() throws Exception {
        store.appendUserMessage(conversation, "What is WAL mode?", "gpt-4.1");
        AssistantDraft draft = store.startAssistant(conversation, "gpt-4.1");
        assertEquals(1, store.messages(conversation).size());

        draft.append("Write-ahead ");

        List<StoredMessage> messages = store.messages(conversation);
        assertEquals(2, messages.size());
        assertEquals("Write-ahead ", messages.get(1).content());
        assertEquals(MessageStatus.PARTIAL, messages.get(1).status());
        assertEquals(Role.ASSISTANT, messages.get(1).role());
        assertEquals(2, messages.get(1).seq());
    }

    @Test
    void unsavedTextNeverSpansMoreThanTheSaveInterval() throws Exception {
        AssistantDraft draft = store.startAssistant(conversation, "gpt-4.1");
        draft.append("Write");
        clock.advance(Duration.ofMillis(100));
        draft.append("-ahead");
        clock.advance(Duration.ofMillis(149));
        draft.append(" log");
        assertEquals("Write", lastContent(), "still inside 250 ms of the first save");

        clock.advance(Duration.ofMillis(1));
        draft.append("ging");
        assertEquals("Write-ahead logging", lastContent(), "250 ms passed: everything so far is saved");
        assertEquals(List.of("assistant|Write-ahead logging|partial"), rowsSeenByAnotherConnection());

        draft.append(" keeps");
        assertEquals("Write-ahead logging", lastContent());
        draft.flush();
        assertEquals("Write-ahead logging keeps", lastContent());
    }

    @Test
    void anAnswerGoesRightAfterItsQuestionWhateverAnotherProcessSavedMeanwhile() throws Exception {
        try (ConversationStore other = ConversationStore.open(file, clock)) {
            StoredMessage mine = store.appendUserMessage(conversation, "mine?", "gpt-4.1");
            StoredMessage theirs = other.appendUserMessage(conversation, "theirs?", "gpt-4.1");
            AssistantDraft theirAnswer = other.startAnswer(theirs, "gpt-4.1");
            theirAnswer.append("their ");
            theirAnswer.flush();
            AssistantDraft myAnswer = store.startAnswer(mine, "gpt-4.1");
            myAnswer.append("my answer");
            myAnswer.finish(MessageStatus.COMPLETE, "stop", null, null, null);
            // Their row moved down one place; they go on writing into it.
            theirAnswer.append("answer");
            theirAnswer.finish(MessageStatus.COMPLETE, "stop", null, null, null);
        }
        assertEquals(List.of("user|mine?|complete", "assistant|my answer|complete", "user|theirs?|complete",
                "assistant|their answer|complete"), rowsSeenByAnotherConnection());
        assertEquals(List.of(1, 2, 3, 4), store.messages(conversation).stream().map(StoredMessage::seq).toList());
    }

    @Test
    void aRestartedStreamAndTheFinishRewriteTheSameRow() throws Exception {
        store.appendUserMessage(conversation, "Count to three", "gpt-4.1");
        AssistantDraft draft = store.startAssistant(conversation, "gpt-4.1");
        draft.appendReasoning("The user wants numbers.");
        draft.append("one, two, thr");
        draft.replaceContent("One, two");
        assertEquals("One, two", lastContent(), "taken-back text is not kept");
        draft.append(", three.");

        StoredMessage done = draft.finish(MessageStatus.COMPLETE, "stop", 12, 7, 0.00042).orElseThrow();

        assertEquals(List.of("user|Count to three|complete", "assistant|One, two, three.|complete"),
                rowsSeenByAnotherConnection());
        assertEquals("The user wants numbers.", done.reasoning());
        assertEquals("stop", done.finishReason());
        assertEquals(12, done.promptTokens());
        assertEquals(7, done.completionTokens());
        assertEquals(0.00042, done.cost());
        assertEquals(done, store.messages(conversation).get(1));
        assertThrows(IllegalStateException.class, () -> draft.append("more"));
    }

    @Test
    void aCancelledAnswerKeepsItsTextAndStatusWithoutUsage() {
        AssistantDraft draft = store.startAssistant(conversation, "deepseek-v3.2");
        draft.append("Half an ans");
        StoredMessage cancelled = draft.finish(MessageStatus.CANCELLED, null, null, null, null).orElseThrow();

        assertEquals(MessageStatus.CANCELLED, cancelled.status());
        assertEquals("Half an ans", cancelled.content());
        assertNull(cancelled.promptTokens());
        assertNull(cancelled.cost());
    }

    @Test
    void anAnswerThatNeverSaidAnythingLeavesNoRow() {
        store.appendUserMessage(conversation, "hello?", "gpt-4.1");
        AssistantDraft draft = store.startAssistant(conversation, "gpt-4.1");

        assertTrue(draft.finish(MessageStatus.ERROR, "error", null, null, null).isEmpty());
        assertEquals(1, store.messages(conversation).size());
    }

    @Test
    void closingSavesTextStillInsideTheSaveInterval() {
        AssistantDraft draft = store.startAssistant(conversation, "gpt-4.1");
        draft.append("first ");
        draft.append("second");
        store.close();

        try (ConversationStore reopened = ConversationStore.open(file)) {
            StoredMessage saved = reopened.messages(conversation).get(0);
            assertEquals("first second", saved.content());
            assertEquals(MessageStatus.PARTIAL, saved.status());
        }
    }

    @Test
    void activityMovesAConversationToTheTopAndRecordsItsModel() {
        long older = conversation;
        clock.advance(Duration.ofMinutes(1));
        long newer = store.createConversation("newer", null, "gpt-4.1").id();
        assertEquals(newer, store.mostRecent().orElseThrow().id());

        clock.advance(Duration.ofMinutes(1));
        store.appendUserMessage(older, "back to this one", "claude-sonnet-4.5");

        Conversation top = store.mostRecent().orElseThrow();
        assertEquals(older, top.id());
        assertEquals("claude-sonnet-4.5", top.model());
        assertEquals(Instant.parse("2025-03-01T09:02:00Z"), top.updatedAt());
    }

    @Test
    void writingToAMissingConversationIsAClearError() {
        StoreException e = assertThrows(StoreException.class,
                () -> store.appendUserMessage(4242, "hello", null));
        assertEquals("no conversation 4242", e.getMessage());

        AssistantDraft draft = store.startAssistant(4242, null);
        draft.append("text");
        assertThrows(StoreException.class, draft::flush);
    }

    @Test
    void anAnswerThatThinksFirstIsSavedFromItsFirstReasoning() {
        AssistantDraft draft = store.startAssistant(conversation, "deepseek-r1");
        draft.appendReasoning("The user asks about WAL.");

        List<StoredMessage> messages = store.messages(conversation);
        assertEquals(1, messages.size(), "the row appears before any answer text");
        assertEquals("The user asks about WAL.", messages.get(0).reasoning());
        assertEquals("", messages.get(0).content());
        assertEquals(MessageStatus.PARTIAL, messages.get(0).status());
    }

    @Test
    void aFinishedDraftTakesNothingMoreAndItsRowStaysAsFinished() {
        AssistantDraft draft = store.startAssistant(conversation, "gpt-4.1");
        draft.append("Done.");
        StoredMessage done = draft.finish(MessageStatus.COMPLETE, "stop", 3, 2, null).orElseThrow();

        assertThrows(IllegalStateException.class, () -> draft.append(" More"));
        assertThrows(IllegalStateException.class, () -> draft.appendReasoning("more"));
        assertThrows(IllegalStateException.class, () -> draft.replaceContent("Something else"));
        assertThrows(IllegalStateException.class, () -> draft.wastedTokens(5));
        assertThrows(IllegalStateException.class, () -> draft.finish(MessageStatus.ERROR, "error", null, null, null));
        assertEquals(List.of(done), store.messages(conversation));
    }

    @Test
    void anAnswerStreamingInIsActivityToo() {
        clock.advance(Duration.ofMinutes(1));
        long newer = store.createConversation("newer", null, "gpt-4.1").id();
        clock.advance(Duration.ofMinutes(1));
        store.startAssistant(conversation, "gpt-4.1").append("Still answering");

        Conversation top = store.mostRecent().orElseThrow();
        assertEquals(conversation, top.id(), "above " + newer);
        assertEquals(Instant.parse("2025-03-01T09:02:00Z"), top.updatedAt());
        assertEquals("gpt-4.1", top.model(), "an answer's save leaves the conversation's model alone");
    }

    @Test
    void anAnswerWhoseConversationWasDeletedMeanwhileFailsToFinishSayingSo() {
        store.appendUserMessage(conversation, "What is WAL mode?", "gpt-4.1");
        AssistantDraft draft = store.startAssistant(conversation, "gpt-4.1");
        draft.append("Write-ahead ");
        draft.flush();
        long id = store.messages(conversation).get(1).id();
        assertTrue(store.delete(conversation));

        draft.append("logging");
        StoreException e = assertThrows(StoreException.class,
                () -> draft.finish(MessageStatus.COMPLETE, "stop", null, null, null));
        assertEquals("message " + id + " no longer exists (was its conversation deleted?)", e.getMessage());
    }

    @Test
    void anAnswerToAQuestionTheFileDoesNotHaveGoesAtTheEnd() {
        StoredMessage asked = store.appendUserMessage(conversation, "What is WAL mode?", "gpt-4.1");
        StoredMessage unknown = new StoredMessage(asked.id() + 100, conversation, 1, Role.USER, "never saved",
                null, "gpt-4.1", MessageStatus.COMPLETE, null, null, null, null, asked.createdAt(), asked.createdAt());
        AssistantDraft draft = store.startAnswer(unknown, "gpt-4.1");
        draft.append("An answer all the same.");

        StoredMessage saved = draft.finish(MessageStatus.COMPLETE, "stop", null, null, null).orElseThrow();

        assertEquals(2, saved.seq());
        assertEquals(List.of(asked.id(), saved.id()), store.messages(conversation).stream().map(StoredMessage::id).toList());
    }

    private String lastContent() {
        List<StoredMessage> messages = store.messages(conversation);
        return messages.get(messages.size() - 1).content();
    }

    private List<String> rowsSeenByAnotherConnection() throws SQLException {
        try (Connection c = OpeningTest.raw(file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT role, content, status FROM messages ORDER BY seq")) {
            List<String> rows = new java.util.ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3));
            }
            return rows;
        }
    }
}
