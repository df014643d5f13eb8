package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.TokenEstimate;
import ai.holysheep.chat.api.TokenUsage;
import org.junit.jupiter.api.Test;

/** What a turn's broken attempts cost: reported where the server said, estimated where it did not. */
class AttemptCostsTest {
    static final long PROMPT = TokenEstimate.of(TurnRun.ASK.messages());

    @Test
    void aCleanTurnReportsOnlyItsAnswerAndATurnWithoutUsageReportsNothing() {
        AttemptCosts costs = new AttemptCosts();
        assertNull(costs.report(null), "no usage and nothing wasted: nothing to say");
        TokenUsage answer = new TokenUsage(9, 4, 13);
        assertEquals(new StreamEvent.Usage(answer, new TokenUsage(0, 0, 0)), costs.report(answer));
    }

    @Test
    void aBrokenAttemptWithoutUsageCostsItsPromptAndOneTokenPerChunk() {
        assertTrue(PROMPT > 0, "the estimate sees the question");
        AttemptCosts costs = new AttemptCosts();
        costs.broken(TurnRun.ASK, 3, null);
        costs.broken(TurnRun.ASK, 2, null);
        TokenUsage wasted = new TokenUsage(2 * PROMPT, 5, 2 * PROMPT + 5);
        assertEquals(new StreamEvent.Usage(new TokenUsage(0, 0, 0), wasted), costs.report(null),
                "the turn ended without usage of its own, yet the waste is still reported");
    }

    @Test
    void aBrokenAttemptsReportedUsageReplacesTheEstimate() {
        AttemptCosts costs = new AttemptCosts();
        costs.broken(TurnRun.ASK, 40, new TokenUsage(20, 6, 26));
        costs.broken(TurnRun.ASK, 1, null);
        TokenUsage answer = new TokenUsage(9, 4, 13);
        assertEquals(new StreamEvent.Usage(answer, new TokenUsage(20 + PROMPT, 7, 27 + PROMPT)), costs.report(answer));
    }

    @Test
    void theCompletionSpentIsCountedAsTheWasteIs() {
        assertEquals(3, AttemptCosts.completion(3, null));
        assertEquals(6, AttemptCosts.completion(40, new TokenUsage(20, 6, 26)));
    }
}
