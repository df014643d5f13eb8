package ai.holysheep.chat.stream;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.TokenEstimate;
import ai.holysheep.chat.api.TokenUsage;

/**
 * Tokens a turn paid for. {@code wasted} is everything billed for attempts that broke: their
 * prompt (the next attempt sends it again) and their completion (a restart generates it again; a
 * continuation sends it back as prompt). That is exactly what the turn cost beyond one clean call,
 * so {@code answer + wasted} is the whole bill.
 *
 * <p>A broken attempt seldom reports usage, so it is estimated: the prompt by {@link TokenEstimate},
 * the completion at one token per streamed chunk (servers stream roughly a token per chunk).
 */
final class AttemptCosts {
    private static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    private TokenUsage wasted = NONE;

    /** An attempt that reached the server and then broke. */
    void broken(ChatRequest request, int chunks, TokenUsage reported) {
        if (reported != null) {
            wasted = wasted.plus(reported);
            return;
        }
        long prompt = TokenEstimate.of(request.messages());
        wasted = wasted.plus(new TokenUsage(prompt, chunks, prompt + chunks));
    }

    /** The completion tokens a broken attempt produced, counted as {@link #broken} counts them. */
    static long completion(int chunks, TokenUsage reported) {
        return reported != null ? reported.completionTokens() : chunks;
    }

    /** The Usage event for the end of the turn, or null when there is nothing to report. */
    StreamEvent.Usage report(TokenUsage answer) {
        if (answer == null && wasted.totalTokens() == 0) {
            return null;
        }
        return new StreamEvent.Usage(answer == null ? NONE : answer, wasted);
    }
}
