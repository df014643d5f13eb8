package ai.holysheep.chat.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which turns a request keeps when the conversation is more than the model's window holds. */
class ContextFitTest {
    /** A message of {@code tokens} estimated tokens (four ASCII bytes each). */
    private static String text(char c, int tokens) {
        return String.valueOf(c).repeat(tokens * 4);
    }

    private static final ChatMessage SYSTEM = ChatMessage.system(text('s', 10));
    private static final List<ChatMessage> CONVERSATION = List.of(
            SYSTEM,
            ChatMessage.user(text('a', 100)), ChatMessage.assistant(text('A', 100)),
            ChatMessage.user(text('b', 100)), ChatMessage.assistant(text('B', 100)),
            ChatMessage.user(text('c', 100)), ChatMessage.assistant(text('C', 100)),
            ChatMessage.user(text('d', 100)));

    @Test
    void aConversationThatFitsIsSentWhole() {
        ContextFit.Fitted fitted = ContextFit.fit(CONVERSATION, "m", 10_000, 100);
        assertEquals(CONVERSATION, fitted.messages());
        assertEquals(0, fitted.turnsLeftOut());
    }

    @Test
    void theOldestTurnsLeaveAndTheSystemPromptAndLatestTurnsStay() {
        // 710 tokens in all; 500 of room leaves 410 after the 2 oldest turns go.
        ContextFit.Fitted fitted = ContextFit.fit(CONVERSATION, "m", 550, 50);
        assertEquals(2, fitted.turnsLeftOut());
        assertEquals(List.of(SYSTEM, CONVERSATION.get(5), CONVERSATION.get(6), CONVERSATION.get(7)), fitted.messages());
    }

    @Test
    void roomIsKeptForTheReplyMaxTokensWhenSetElseAQuarterOfASmallWindow() {
        assertEquals(1, ContextFit.fit(CONVERSATION, "m", 710, 100).turnsLeftOut(), "max_tokens 100 leaves 610");
        assertEquals(0, ContextFit.fit(CONVERSATION, "m", 710, 0).turnsLeftOut());
        // No max_tokens: a quarter of 800 (200) is kept, so 600 is the room.
        assertEquals(1, ContextFit.fit(CONVERSATION, "m", 800, null).turnsLeftOut());
        assertEquals(ContextFit.DEFAULT_REPLY, ContextFit.replyAllowance(1_000_000, null));
    }

    @Test
    void aConversationThatFitsExactlyOnceATurnIsLeftOutKeepsEveryOtherTurn() {
        // 710 tokens; without the oldest turn 510, which is exactly the room of 560 less 50.
        ContextFit.Fitted fitted = ContextFit.fit(CONVERSATION, "m", 560, 50);
        assertEquals(1, fitted.turnsLeftOut());
        assertEquals(CONVERSATION.subList(3, 8), fitted.messages().subList(1, 6));
        // The system prompt and the question alone (110 tokens) in exactly that room: sent, not refused.
        ContextFit.Fitted alone = ContextFit.fit(CONVERSATION, "m", 160, 50);
        assertEquals(List.of(SYSTEM, CONVERSATION.get(7)), alone.messages());
        assertEquals(3, alone.turnsLeftOut());
    }

    @Test
    void aQuestionThatAloneDoesNotFitIsRefused() {
        ContextTooLongException e = assertThrows(ContextTooLongException.class,
                () -> ContextFit.fit(CONVERSATION, "tiny-model", 150, 50));
        assertTrue(e.getMessage().startsWith("the message is about 110 tokens, but tiny-model's context window of 150 tokens holds 100 "),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
