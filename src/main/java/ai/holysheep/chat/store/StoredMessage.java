package ai.holysheep.chat.store;

import java.time.Instant;

/**
 * One message as saved. {@code seq} orders messages within their conversation (1, 2, 3 …).
 * Usage numbers are null when the server did not report them; {@code reasoning},
 * {@code model} and {@code finishReason} may be null too.
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
        Instant updatedAt) {
}
