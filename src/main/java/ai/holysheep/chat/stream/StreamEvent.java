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
     * A stream that broke mid-answer was taken up again; sent just before the first new text.
     * The answer is now its first {@code keptChars} characters followed by the Deltas that come
     * next.
     *
     * @param keptChars how much of the text shown so far stays (all of it, unless diverged)
     * @param diverged  true when a restarted answer did not repeat what was already shown: the
     *                  answer so far is discarded ({@code keptChars} is 0) and the following Deltas
     *                  carry the new answer from its first character
     */
    record Resumed(int attempt, int keptChars, boolean diverged) implements StreamEvent {
    }

    /** The answer is complete. */
    record Done(String finishReason) implements StreamEvent {
    }

    /** The turn ended with an error that retrying cannot fix. */
    record Failed(FailureKind kind, String message) implements StreamEvent {
    }

    /**
     * Retrying could help but the turn stopped: every retry was used up, or the server asked for
     * a longer wait than allowed ({@code lastError} then says when to try again).
     *
     * @param attempts calls made in the whole turn
     * @param downtime time spent failing and waiting, from each failure until text flowed again
     */
    record GaveUp(int attempts, Duration downtime, String lastError) implements StreamEvent {
    }

    /** The user stopped the answer. */
    record Cancelled() implements StreamEvent {
    }
}
