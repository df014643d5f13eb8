package ai.holysheep.chat.api;

/** Token counts the server reported for one answer. */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                totalTokens + other.totalTokens);
    }
}
