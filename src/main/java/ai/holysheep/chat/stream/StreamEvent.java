package ai.holysheep.chat.stream;

import ai.holysheep.chat.api.TokenUsage;
import java.time.Duration;

/**
 * What happens during one streamed turn, in order. Every turn ends with exactly one terminal
 * event: {@link Done}, {@link Failed}, {@link GaveUp} or {@link Cancelled}.
 */
public sealed interface StreamEvent {

    default boolean isTerminal() {
        return this instanceof Done || this instanceof Failed || this instanceof GaveUp || this instanceof Cancelled;
    }

    /** Answer text, to be appended to what came before. */
    record Delta(String text) implements StreamEvent {
    }

    /** Reasoning ("thinking") text, kept apart from the answer. */
    record Reasoning(String text) implements StreamEvent {
    }

    /**
     * Tokens the turn used, reported once before the end.
     *
     * @param wasted tokens spent on attempts whose output was thrown away by retries
     */
    record Usage(TokenUsage tokens, TokenUsage wasted) implements StreamEvent {
    }

    /** A failed attempt will be retried after {@code delay}; attempt counts from 1. */
    record Retrying(int attempt, int max, Duration delay, String reason) implements StreamEvent {
    }

    /**
     * A stream that broke mid-answer was taken up again.
     *
     * @param diverged true when a restarted answer did not repeat what was already shown, so the
     *                 text shown so far is replaced by the new answer's text from here on
     */
    record Resumed(int attempt, int keptChars, boolean diverged) implements StreamEvent {
    }

    /** The answer is complete. */
    record Done(String finishReason) implements StreamEvent {
    }

    /** The turn ended with an error that retrying cannot fix. */
    record Failed(FailureKind kind, String message) implements StreamEvent {
    }

    /** Every retry was used up. */
    record GaveUp(int attempts, Duration downtime, String lastError) implements StreamEvent {
    }

    /** The user stopped the answer. */
    record Cancelled() implements StreamEvent {
    }
}
