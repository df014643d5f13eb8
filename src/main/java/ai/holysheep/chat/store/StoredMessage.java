package ai.holysheep.chat.store;

import java.time.Instant;

/**
 * One message as saved. {@code seq} orders messages within their conversation (1, 2, 3 …).
 * Usage numbers are null when the server did not report them; {@code reasoning},
 * {@code model} and {@code finishReason} may be null too. {@code replaced}: an answer the user
 * asked again for ({@code /retry}); it stays in the history, marked, but is no longer context.
 */
public record StoredMessage(
        long id,
        long conversationId,
        int seq,
        Role role,
        String content,
        String reasoning,
        String model,
        MessageStatus status,
        String finishReason,
        Integer promptTokens,
        Integer completionTokens,
        Double cost,
        Instant createdAt,
        Instant updatedAt,
        boolean replaced) {

    /** A message that has not been replaced (every question, and every answer until a retry). */
    public StoredMessage(long id, long conversationId, int seq, Role role, String content, String reasoning,
                         String model, MessageStatus status, String finishReason, Integer promptTokens,
                         Integer completionTokens, Double cost, Instant createdAt, Instant updatedAt) {
        this(id, conversationId, seq, role, content, reasoning, model, status, finishReason, promptTokens,
                completionTokens, cost, createdAt, updatedAt, false);
    }
}
