package ai.holysheep.chat.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ModelInfo;
import ai.holysheep.chat.stream.StreamEvent;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A question refused for the model's window leaves the session as it was. */
class ContextWindowSessionTest {
    private static String tokens(char c, int n) {
        return String.valueOf(c).repeat(n * 4);
    }

    @Test
    void aRefusedQuestionIsNotRecordedAndARefusedRetryKeepsTheAnswer() {
        // max_tokens 100 is the room kept for the reply.
        ChatSession session = ChatSession.unsaved(ChatSessionTest.settings("gpt-4.1", null));
        session.windowsFrom(() -> List.of(new ModelInfo("gpt-4.1", OptionalLong.of(3_000)),
                new ModelInfo("small", OptionalLong.of(2_500))));
        session.beginTurn(tokens('a', 2_500));
        ChatSessionTest.answer(session, new StreamEvent.Delta("ok"), new StreamEvent.Done("stop"));
        List<ChatMessage> before = session.context();
        Optional<String> title = session.title();

        assertThrows(ContextTooLongException.class, () -> session.beginTurn(tokens('b', 3_000)));
        assertFalse(session.turnInProgress());
        assertEquals(before, session.context());
        assertEquals(title, session.title());

        session.switchModel("small");
        assertThrows(ContextTooLongException.class, session::retryLast);
        assertFalse(session.turnInProgress());
        assertEquals(before, session.context(), "the answer the retry would replace is still context");
    }
}
