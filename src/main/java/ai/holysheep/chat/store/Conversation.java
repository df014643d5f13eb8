package ai.holysheep.chat.store;

import java.time.Instant;

/**
 * One saved conversation. {@code id} is what users type ({@code conversations show 12}); it is
 * never reused after a delete. {@code model} is the model of the latest user message, the one a
 * continued conversation starts with. {@code profile} and {@code model} may be null.
 */
public record Conversation(
        long id,
        String title,
        Instant createdAt,
        Instant updatedAt,
        String profile,
        String model,
        int messageCount) {
}
