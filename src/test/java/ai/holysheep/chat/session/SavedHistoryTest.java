package ai.holysheep.chat.session;

import static ai.holysheep.chat.session.ChatSessionTest.answer;
import static ai.holysheep.chat.session.ChatSessionTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.MessageStatus;
import ai.holysheep.chat.store.StoredMessage;
import ai.holysheep.chat.stream.StreamEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browsing what was saved, in a real SQLite file, beside a session that goes on asking. */
class SavedHistoryTest {
    @TempDir
    Path dir;

    final List<String> warnings = new CopyOnWriteArrayList<>();
    ChatSession session;
    SavedHistory history;

    @BeforeEach
    void twoConversations() {
        session = ChatSession.saved(settings("gpt-4.1", null), ConversationStore.openAsync(dir.resolve("history.db")),
                warnings::add);
        history = session.savedHistory().orElseThrow();
        session.beginTurn("how do pipes work");
        answer(session, new StreamEvent.Delta("bytes flow one way"), new StreamEvent.Done("stop"));
        session.newConversation();
        session.beginTurn("and sockets?");
        answer(session, new StreamEvent.Delta("both ways, cut"), new StreamEvent.Cancelled());
    }

    @AfterEach
    void close() {
        session.close();
        assertTrue(warnings.isEmpty(), warnings::toString);
    }

    @Test
    void listsTheSavedConversationsNewestFirst() {
        assertEquals(List.of("and sockets?", "how do pipes work"),
                history.list(10).stream().map(Conversation::title).toList());
        assertEquals(1, history.list(1).size());
    }

    @Test
    void searchFindsAConversationByTheTextOfItsMessages() {
        assertEquals(List.of("how do pipes work"),
                history.search("one way").stream().map(Conversation::title).toList());
        assertTrue(history.search("nowhere said").isEmpty());
    }

    @Test
    void readingAConversationTakesAllItsMessagesAndLeavesTheSessionWhereItIs() {
        long pipes = history.search("pipes").get(0).id();

        SavedConversation read = history.read(pipes).orElseThrow();

        assertEquals("how do pipes work", read.conversation().title());
        assertEquals(List.of("how do pipes work", "bytes flow one way"),
                read.messages().stream().map(StoredMessage::content).toList());
        assertEquals(List.of(ChatMessage.user("and sockets?"), ChatMessage.assistant("both ways, cut")), session.context());
        assertTrue(history.read(4242).isEmpty());
    }

    @Test
    void theHistoryCanBeBrowsedWhileATurnIsInProgress() {
        session.beginTurn("a third question");
        long sockets = history.search("sockets").get(0).id();

        List<StoredMessage> messages = history.read(sockets).orElseThrow().messages();

        assertEquals(MessageStatus.CANCELLED, messages.get(1).status());
        assertEquals("a third question", messages.get(2).content());
        assertTrue(session.turnInProgress());
    }

    @Test
    void aSessionThatSavesNothingHasNoHistoryToBrowse() {
        assertTrue(ChatSession.unsaved(settings("gpt-4.1", null)).savedHistory().isEmpty());
    }
}
