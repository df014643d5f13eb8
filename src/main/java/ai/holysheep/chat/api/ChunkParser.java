package ai.holysheep.chat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Turns one SSE {@code data:} payload into a {@link Chunk}, tolerating every shape real servers send. */
public final class ChunkParser {
    private ChunkParser() {
    }

    /**
     * @throws MalformedChunkException when the payload is not JSON at all; a JSON payload of an
     *         unexpected shape is not an error, it simply carries nothing
     */
    public static Chunk parse(String data) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw new MalformedChunkException(data);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedChunkException(data);
        }
        ApiError error = root.has("error") ? ErrorBodies.fromErrorNode(200, root.get("error")) : null;
        String content = null;
        String reasoning = null;
        String finish = null;
        JsonNode choices = root.get("choices");
        if (choices != null && choices.isArray() && !choices.isEmpty()) {
            JsonNode choice = choices.get(0);
            JsonNode delta = choice.has("delta") ? choice.get("delta") : choice.get("message");
            if (delta != null && delta.isObject()) {
                content = text(delta.get("content"));
                reasoning = text(delta.get("reasoning_content"));
                if (reasoning == null) {
                    reasoning = text(delta.get("reasoning"));
                }
            }
            finish = text(choice.get("finish_reason"));
        }
        TokenUsage usage = usage(root.get("usage"));
        if (content == null && reasoning == null && finish == null && usage == null && error == null) {
            return Chunk.EMPTY;
        }
        return new Chunk(content, reasoning, finish, usage, error);
    }

    static TokenUsage usage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        long prompt = node.path("prompt_tokens").asLong(0);
        long completion = node.path("completion_tokens").asLong(0);
        long total = node.path("total_tokens").asLong(prompt + completion);
        return new TokenUsage(prompt, completion, total);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isEmpty() ? null : node.asText();
    }

    /** The payload was not JSON: the stream is corrupt from this point. */
    public static final class MalformedChunkException extends RuntimeException {
        public MalformedChunkException(String data) {
            super("malformed chunk: " + (data.length() > 60 ? data.substring(0, 60) + "…" : data), null, false, false);
        }
    }
}
