package ai.holysheep.chat.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.stream.StreamEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Images go with their own question; the context afterwards holds its text, as a saved one does. */
class ImagesInSessionTest {
    static final List<String> IMAGE = List.of("data:image/png;base64,AAA");

    static void answered(ChatSession session, String text) {
        ChatSessionTest.answer(session, new StreamEvent.Delta(text), new StreamEvent.Done("stop"));
    }

    @Test
    void theImageGoesWithItsQuestionAndItsRetryButNotWithTheNextQuestion() {
        ChatSession session = ChatSession.unsaved(ChatSessionTest.settings("gpt-4.1", null));
        ChatRequest first = session.beginTurn("look [image: a.png, 1 KiB]", IMAGE);
        assertEquals(List.of(ChatMessage.user("look [image: a.png, 1 KiB]", IMAGE)), first.messages());
        answered(session, "a cat");
        assertEquals(IMAGE, session.retryLast().messages().get(0).images());
        answered(session, "a cat, again");

        ChatRequest next = session.beginTurn("what colour?");
        assertEquals(List.of(ChatMessage.user("look [image: a.png, 1 KiB]"), ChatMessage.assistant("a cat, again"),
                ChatMessage.user("what colour?")), next.messages());
    }

    @Test
    void aModelNotKnownToTakeImagesIsRefusedBeforeAnythingIsRecorded() {
        ChatSession session = ChatSession.unsaved(ChatSessionTest.settings("deepseek-v3.2", null));
        ImagesNotTakenException e = assertThrows(ImagesNotTakenException.class, () -> session.beginTurn("look", IMAGE));
        assertEquals("deepseek-v3.2 is not known to take images: pick a model that does, or add it to image_models in the config",
                e.getMessage());
        assertEquals(List.of(), session.context());
        session.beginTurn("text is fine");
    }

    @Test
    void aRouterPrefixedNameCountsAsTheModelItNames() {
        ChatSession session = ChatSession.unsaved(ChatSessionTest.settings("openai/gpt-4.1", null));
        assertEquals(IMAGE, session.beginTurn("look", IMAGE).messages().get(0).images());
    }
}
