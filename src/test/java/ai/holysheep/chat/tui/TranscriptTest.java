package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.holysheep.chat.session.SavedConversation;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.MessageStatus;
import ai.holysheep.chat.store.Role;
import ai.holysheep.chat.store.StoredMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    private static final Instant AT = Instant.parse("2025-11-20T10:00:00Z");

    @Test
    void aReopenedConversationShowsTheAnswerARetryGaveNotTheOneItReplaced() {
        List<StoredMessage> messages = List.of(
                new StoredMessage(1, 1, 1, Role.USER, "what is 2+2?", null, "m", MessageStatus.COMPLETE, null,
                        null, null, null, AT, AT, false),
                new StoredMessage(2, 1, 2, Role.ASSISTANT, "five", null, "m", MessageStatus.COMPLETE, "stop",
                        null, null, null, AT, AT, true),
                new StoredMessage(3, 1, 3, Role.ASSISTANT, "four", null, "m", MessageStatus.COMPLETE, "stop",
                        null, null, null, AT, AT, false));
        List<Entry> entries = Transcript.entries(new SavedConversation(
                new Conversation(1, "sums", AT, AT, null, "m", 3), messages));
        assertEquals(2, entries.size());
        assertEquals("four", ((AnswerEntry) entries.get(1)).text());
    }
}
