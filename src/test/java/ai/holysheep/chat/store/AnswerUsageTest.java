package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the usage report reads: every answer's tokens, the part wasted on broken attempts, and its cost. */
class AnswerUsageTest {
    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock(START.minus(Duration.ofDays(1)));
    ConversationStore store;

    @BeforeEach
    void open() {
        store = ConversationStore.open(dir.resolve("history.db"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyAnswerSinceATimeWithItsUsageReplacedOnesIncludedOldestFirst() {
        long earlier = store.createConversation("Earlier", null, "gpt-4.1").id();
        store.appendUserMessage(earlier, "yesterday's question", "gpt-4.1");
        answer(earlier, "gpt-4.1", 1, 1, 0.1, null);
        clock.advance(Duration.ofDays(1));

        long plans = store.createConversation("Plans", null, "gpt-4.1").id();
        store.appendUserMessage(plans, "make a plan", "gpt-4.1");
        answer(plans, "gpt-4.1", 10, 20, 0.001, null);
        clock.advance(Duration.ofMinutes(1));
        store.markAnswersReplaced(plans);
        answer(plans, "gpt-4.1", 12, 30, 0.002, 4);
        clock.advance(Duration.ofMinutes(1));
        long other = store.createConversation("Other", null, "deepseek-v3.2").id();
        store.appendUserMessage(other, "and this?", "deepseek-v3.2");
        answer(other, "deepseek-v3.2", null, null, null, null);

        assertEquals(List.of(
                        new AnswerUsage(plans, "Plans", "gpt-4.1", START, 10, 20, null, 0.001),
                        new AnswerUsage(plans, "Plans", "gpt-4.1", START.plusSeconds(60), 12, 30, 4, 0.002),
                        new AnswerUsage(other, "Other", "deepseek-v3.2", START.plusSeconds(120), null, null, null, null)),
                store.answerUsage(START), "from the given time on, the replaced answer too; no questions");
        assertEquals(4, store.answerUsage(Instant.EPOCH).size());
    }

    private void answer(long conversation, String model, Integer prompt, Integer completion, Double cost, Integer wasted) {
        AssistantDraft draft = store.startAssistant(conversation, model);
        draft.append("an answer");
        if (wasted != null) {
            draft.wastedTokens(wasted);
        }
        draft.finish(MessageStatus.COMPLETE, "stop", prompt, completion, cost);
    }
}
