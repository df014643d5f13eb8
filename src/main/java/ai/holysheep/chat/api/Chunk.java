package ai.holysheep.chat.api;

/**
 * What one streamed {@code data:} payload carried. Any field may be null: real servers send
 * role-only chunks, usage-only chunks with empty {@code choices}, and annotation chunks with no
 * delta at all.
 */
public record Chunk(String content, String reasoning, String finishReason, TokenUsage usage, ApiError error) {
    static final Chunk EMPTY = new Chunk(null, null, null, null, null);
}
