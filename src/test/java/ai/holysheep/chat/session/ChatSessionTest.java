package ai.holysheep.chat.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.config.ConfigLoader;
import ai.holysheep.chat.config.Overrides;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.MessageStatus;
import ai.holysheep.chat.store.Role;
import ai.holysheep.chat.store.StoreException;
import ai.holysheep.chat.store.StoredMessage;
import ai.holysheep.chat.stream.FailureKind;
import ai.holysheep.chat.stream.StreamEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A conversation driven by hand-fed stream events, saved in a real SQLite file. */
class ChatSessionTest {
    @TempDir
    Path dir;

    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    static Settings settings(String model, String system) {
        Map<String, String> env = Map.of("HOME", "/nonexistent-holysheep-test",
                "XDG_CONFIG_HOME", "/nonexistent-holysheep-test");
        return new ConfigLoader(env).load(new Overrides(null, null, null, model, system, 0.5, 100));
    }

    Path db() {
        return dir.resolve("history.db");
    }

    ChatSession savedSession(Settings settings) {
        ChatSession session = ChatSession.saved(settings, ConversationStore.openAsync(db()), warnings::add);
        opened.add(session);
        return session;
    }

    /** Opens the file again, as another process would, and reads what it holds. */
    List<StoredMessage> storedMessages() {
        try (ConversationStore store = ConversationStore.open(db())) {
            Conversation c = store.mostRecent().orElseThrow();
            return store.messages(c.id());
        }
    }

    static void answer(ChatSession session, StreamEvent... events) {
        TurnRecorder recorder = session.recorder();
        for (StreamEvent e : events) {
            recorder.accept(e);
        }
    }

    static StreamEvent.Usage usage(long prompt, long completion) {
        return new StreamEvent.Usage(new TokenUsage(prompt, completion, prompt + completion), new TokenUsage(0, 0, 0));
    }

    @Test
    void theFirstRequestCarriesTheSystemPromptAndTheQuestionWhichIsSavedBeforeItIsSent() {
        ChatSession session = savedSession(settings("gpt-4.1", "Be brief."));
        session.continueMostRecent(); // waits for the store: from here on it is open

        ChatRequest request = session.beginTurn("안녕하세요, what is a pipe?");

        assertEquals(List.of(ChatMessage.system("Be brief."), ChatMessage.user("안녕하세요, what is a pipe?")),
                request.messages());
        assertEquals("gpt-4.1", request.model());
        assertEquals(0.5, request.temperature());
        assertEquals(100, request.maxTokens());
        List<StoredMessage> saved = storedMessages();
        assertEquals(1, saved.size());
        assertEquals(Role.USER, saved.get(0).role());
        assertEquals("안녕하세요, what is a pipe?", saved.get(0).content());
        assertEquals("안녕하세요, what is a pipe?", session.title().orElseThrow());
    }

    @Test
    void aCompleteAnswerIsSavedWithUsageAndCostAndBecomesContextForTheNextQuestion() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        session.beginTurn("first question");
        answer(session, new StreamEvent.Delta("first "), new StreamEvent.Reasoning("thinking"),
                new StreamEvent.Delta("answer"), usage(1000, 500), new StreamEvent.Done("stop"));

        assertFalse(session.turnInProgress());
        ChatRequest next = session.beginTurn("second question");
        assertEquals(List.of(ChatMessage.user("first question"), ChatMessage.assistant("first answer"),
                ChatMessage.user("second question")), next.messages());

        List<StoredMessage> saved = storedMessages();
        assertEquals(3, saved.size());
        StoredMessage answer = saved.get(1);
        assertEquals(Role.ASSISTANT, answer.role());
        assertEquals("first answer", answer.content());
        assertEquals("thinking", answer.reasoning());
        assertEquals(MessageStatus.COMPLETE, answer.status());
        assertEquals("stop", answer.finishReason());
        assertEquals(1000, answer.promptTokens());
        assertEquals(500, answer.completionTokens());
        assertEquals(0.006, answer.cost(), 1e-9); // 1000 prompt tokens at $2 and 500 at $8 per million
        Spend spent = session.spending().lastTurn().orElseThrow();
        assertEquals(1500, spent.totalTokens());
        assertEquals(0.006, spent.cost().getAsDouble(), 1e-9);
        assertEquals(spent, session.spending().total());
    }

    @Test
    void whileTheStoreIsStillOpeningTheRequestGoesOutAndTheQuestionIsSavedBeforeItsAnswer() throws Exception {
        CompletableFuture<ConversationStore> opening = new CompletableFuture<>();
        ChatSession session = ChatSession.saved(settings("gpt-4.1", null), opening, warnings::add);
        opened.add(session);

        ChatRequest request = session.beginTurn("quick question");
        assertEquals(List.of(ChatMessage.user("quick question")), request.messages());
        TurnRecorder recorder = session.recorder();
        recorder.accept(new StreamEvent.Delta("text that arrived "));
        recorder.accept(new StreamEvent.Delta("before SQLite opened, "));

        opening.complete(ConversationStore.open(db()));
        recorder.accept(new StreamEvent.Delta("and after."));
        recorder.accept(new StreamEvent.Done("stop"));
        assertTrue(recorder.awaitRecorded(Duration.ofSeconds(10)));

        List<StoredMessage> saved = storedMessages();
        assertEquals(2, saved.size());
        assertEquals("quick question", saved.get(0).content());
        assertEquals("text that arrived before SQLite opened, and after.", saved.get(1).content());
        assertEquals(MessageStatus.COMPLETE, saved.get(1).status());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aCancelledAnswerKeepsItsTextAndStatusAndStaysInTheContext() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        session.beginTurn("tell me a long story");
        answer(session, new StreamEvent.Delta("Once upon a time"), new StreamEvent.Cancelled());

        StoredMessage answer = storedMessages().get(1);
        assertEquals(MessageStatus.CANCELLED, answer.status());
        assertEquals("Once upon a time", answer.content());
        assertNull(answer.promptTokens());
        assertTrue(session.spending().lastTurn().isEmpty(), "no usage was reported");
        assertEquals(ChatMessage.assistant("Once upon a time"), session.context().get(1));
    }

    @Test
    void failedAndGivenUpAnswersAreSavedAsErrorsWithTheirPartialText() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        session.beginTurn("one");
        answer(session, new StreamEvent.Delta("half"), new StreamEvent.Failed(FailureKind.UNAVAILABLE, "reset"));
        session.beginTurn("two");
        answer(session, new StreamEvent.Delta("almost"),
                new StreamEvent.GaveUp(9, Duration.ofSeconds(40), "connection refused"));

        List<StoredMessage> saved = storedMessages();
        assertEquals(MessageStatus.ERROR, saved.get(1).status());
        assertEquals("half", saved.get(1).content());
        assertEquals(MessageStatus.ERROR, saved.get(3).status());
        assertEquals("almost", saved.get(3).content());
    }

    @Test
    void anAnswerThatRestartedDifferentlyIsStoredAsTheNewAnswerOnly() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        session.beginTurn("write a haiku");
        answer(session, new StreamEvent.Delta("Old pond, a frog"),
                new StreamEvent.Resumed(2, 0, true),
                new StreamEvent.Delta("Autumn moonlight"), new StreamEvent.Done("stop"));

        assertEquals("Autumn moonlight", storedMessages().get(1).content());
        assertEquals(ChatMessage.assistant("Autumn moonlight"), session.context().get(1));
    }

    @Test
    void anAnswerThatResumedInPlaceKeepsTheTextBeforeTheBreak() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        session.beginTurn("count");
        answer(session, new StreamEvent.Delta("one two "), new StreamEvent.Resumed(2, 8, false),
                new StreamEvent.Delta("three"), new StreamEvent.Done("stop"));

        assertEquals("one two three", storedMessages().get(1).content());
    }

    @Test
    void retryAsksTheLastQuestionAgainWithoutTheAnswerItReplaces() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        session.beginTurn("what is 2+2?");
        answer(session, new StreamEvent.Delta("fi"), new StreamEvent.Failed(FailureKind.UNAVAILABLE, "reset"));

        ChatRequest again = session.retryLast();
        assertEquals(List.of(ChatMessage.user("what is 2+2?")), again.messages());
        answer(session, new StreamEvent.Delta("4"), new StreamEvent.Done("stop"));
        assertEquals(List.of(ChatMessage.user("what is 2+2?"), ChatMessage.assistant("4")), session.context());

        List<StoredMessage> saved = storedMessages();
        assertEquals(3, saved.size(), "the question once, both answers kept as they happened");
        assertEquals(List.of(false, true, false), saved.stream().map(StoredMessage::replaced).toList(),
                "the answer asked again for is marked replaced");
        try (ChatSession later = savedSession(settings("gpt-4.1", null))) {
            later.continueMostRecent().orElseThrow();
            assertEquals(List.of(ChatMessage.user("what is 2+2?"), ChatMessage.assistant("4")), later.context());
        }
    }

    @Test
    void aRetryWhoseAnswerNeverCameStillLeavesTheReplacedAnswerOutOfAResumedContext() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        session.beginTurn("what is 2+2?");
        answer(session, new StreamEvent.Delta("five"), new StreamEvent.Done("stop"));
        session.retryLast();
        answer(session, new StreamEvent.Failed(FailureKind.UNAVAILABLE, "reset"));
        assertEquals(List.of(ChatMessage.user("what is 2+2?")), session.context());

        try (ChatSession later = savedSession(settings("gpt-4.1", null))) {
            later.continueMostRecent().orElseThrow();
            assertEquals(session.context(), later.context(), "a resumed conversation goes on as the live one would");
        }
    }

    @Test
    void lastTurnIsTheTurnJustEndedEvenWithoutUsage() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        session.beginTurn("one");
        answer(session, new StreamEvent.Delta("1"), new StreamEvent.Usage(new TokenUsage(5, 1, 6), null),
                new StreamEvent.Done("stop"));
        assertTrue(session.spending().lastTurn().isPresent());
        session.beginTurn("two");
        answer(session, new StreamEvent.Delta("2"), new StreamEvent.Cancelled());
        assertTrue(session.spending().lastTurn().isEmpty(), "not the figures of the turn before");
        assertEquals(5, session.spending().total().promptTokens());
    }

    @Test
    void retryNeedsAQuestionAndNoTurnInProgress() {
        ChatSession session = ChatSession.unsaved(settings("gpt-4.1", null));
        assertThrows(IllegalStateException.class, session::retryLast);
        session.beginTurn("hi");
        assertThrows(IllegalStateException.class, session::retryLast);
        assertThrows(IllegalStateException.class, () -> session.beginTurn("again"));
    }

    @Test
    void aSessionWithoutSavingStartsFromTheSavedContextAndWritesNothing() {
        try (ChatSession first = savedSession(settings("deepseek-v3.2", "Be brief."))) {
            first.beginTurn("first");
            answer(first, new StreamEvent.Delta("an answer"), new StreamEvent.Done("stop"));
        }
        ChatSession later = savedSession(settings("gpt-4.1", "Be brief."));
        later.continueMostRecent().orElseThrow();
        ChatSession aside = later.withoutSaving();
        later.close();

        assertTrue(aside.savedHistory().isEmpty());
        assertEquals("deepseek-v3.2", aside.model());
        ChatRequest request = aside.beginTurn("an aside");
        assertEquals(List.of(ChatMessage.system("Be brief."), ChatMessage.user("first"),
                ChatMessage.assistant("an answer"), ChatMessage.user("an aside")), request.messages());
        answer(aside, new StreamEvent.Delta("aside answer"), new StreamEvent.Done("stop"));
        assertEquals(2, storedMessages().size(), "nothing was added to the saved conversation");
    }

    @Test
    void aContinuedConversationSendsItsEarlierMessagesPartialOnesIncludedAndUsesItsModel() {
        try (ChatSession first = savedSession(settings("deepseek-v3.2", "Be brief."))) {
            first.beginTurn("first");
            answer(first, new StreamEvent.Delta("complete answer"), new StreamEvent.Done("stop"));
            first.beginTurn("second");
            answer(first, new StreamEvent.Delta("cut short"), new StreamEvent.Cancelled());
            first.beginTurn("third");
            answer(first, new StreamEvent.Failed(FailureKind.UNAVAILABLE, "nothing arrived"));
        }

        ChatSession later = savedSession(settings("gpt-4.1", "Be brief."));
        Conversation continued = later.continueMostRecent().orElseThrow();
        assertEquals("first", continued.title());
        assertEquals("deepseek-v3.2", later.model());
        ChatRequest request = later.beginTurn("fourth");
        assertEquals(List.of(ChatMessage.system("Be brief."), ChatMessage.user("first"),
                ChatMessage.assistant("complete answer"), ChatMessage.user("second"),
                ChatMessage.assistant("cut short"), ChatMessage.user("third"), ChatMessage.user("fourth")),
                request.messages());
        assertEquals(continued.id(), later.conversationId().orElseThrow());
        assertEquals(6, storedMessages().size(), "the fourth question joined the same conversation");
    }

    @Test
    void loadingAnUnknownConversationFindsNothing() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        assertTrue(session.load(4242).isEmpty());
        assertTrue(session.continueMostRecent().isEmpty());
    }

    @Test
    void aSwitchedModelAnswersTheNextQuestionAndIsSavedWithIt() {
        ChatSession session = savedSession(settings("gpt-4.1", null));
        session.beginTurn("one");
        answer(session, new StreamEvent.Delta("a"), new StreamEvent.Done("stop"));
        session.switchModel("claude-sonnet-4.5");
        ChatRequest request = session.beginTurn("two");
        assertEquals("claude-sonnet-4.5", request.model());
        answer(session, new StreamEvent.Delta("b"), new StreamEvent.Done("stop"));

        List<StoredMessage> saved = storedMessages();
        assertEquals("gpt-4.1", saved.get(1).model());
        assertEquals("claude-sonnet-4.5", saved.get(3).model());
    }

    @Test
    void totalsAddUpEveryTurnAndTheCostIsUnknownOnceAModelHasNoPrice() {
        ChatSession session = ChatSession.unsaved(settings("gpt-4.1", null));
        session.beginTurn("one");
        answer(session, new StreamEvent.Delta("a"),
                new StreamEvent.Usage(new TokenUsage(100, 50, 150), new TokenUsage(10, 5, 15)),
                new StreamEvent.Done("stop"));
        Spend first = session.spending().lastTurn().orElseThrow();
        assertEquals(110, first.promptTokens(), "retried attempts were billed too");
        assertEquals(55, first.completionTokens());
        assertEquals((110 * 2 + 55 * 8) / 1e6, first.cost().getAsDouble(), 1e-12);

        session.switchModel("local-llama");
        session.beginTurn("two");
        answer(session, new StreamEvent.Delta("b"), usage(200, 20), new StreamEvent.Done("stop"));
        assertTrue(session.spending().lastTurn().orElseThrow().cost().isEmpty());
        assertEquals(310, session.spending().total().promptTokens());
        assertEquals(75, session.spending().total().completionTokens());
        assertTrue(session.spending().total().cost().isEmpty());
    }

    @Test
    void renameTitlesTheSavedConversationAndANewConversationStartsEmpty() {
        ChatSession session = savedSession(settings("gpt-4.1", "sys"));
        session.rename("Pipes, explained");
        session.beginTurn("what is a pipe?");
        answer(session, new StreamEvent.Delta("a way to connect programs"), new StreamEvent.Done("stop"));
        long firstId = session.conversationId().orElseThrow();
        session.rename("Unix pipes");

        session.newConversation();
        assertEquals(List.of(ChatMessage.system("sys")), session.context());
        assertTrue(session.title().isEmpty());
        session.beginTurn("something else");
        answer(session, new StreamEvent.Done("stop"));
        assertTrue(session.conversationId().orElseThrow() != firstId);

        try (ConversationStore store = ConversationStore.open(db())) {
            assertEquals("Unix pipes", store.conversation(firstId).orElseThrow().title());
            assertEquals("something else", store.mostRecent().orElseThrow().title());
            assertEquals(1, store.mostRecent().orElseThrow().messageCount(),
                    "an answer with no text is not stored");
        }
    }

    @Test
    void aStoreThatCannotOpenWarnsOnceAndTheConversationGoesOn() throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        ChatSession session = ChatSession.saved(settings("gpt-4.1", null),
                ConversationStore.openAsync(notADirectory.resolve("history.db")), warnings::add);
        opened.add(session);

        session.beginTurn("one");
        answer(session, new StreamEvent.Delta("answer one"), new StreamEvent.Done("stop"));
        ChatRequest next = session.beginTurn("two");
        answer(session, new StreamEvent.Delta("answer two"), new StreamEvent.Done("stop"));

        assertEquals(3, next.messages().size());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("not saving this conversation: "), warnings.get(0));
        assertTrue(session.conversationId().isEmpty());
        assertThrows(StoreException.class, () -> session.load(1));
    }

    @Test
    void anUnsavedSessionCannotLoad() {
        ChatSession session = ChatSession.unsaved(settings("gpt-4.1", null));
        assertThrows(IllegalStateException.class, session::continueMostRecent);
    }
}
