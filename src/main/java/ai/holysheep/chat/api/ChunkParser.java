package ai.holysheep.chat.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Turns one SSE {@code data:} payload into a {@link Chunk}, tolerating every shape real servers send.
 *
 * <p>This runs once per token, so it reads the payload with Jackson's streaming parser and keeps
 * only the few fields a chunk can carry, instead of building a tree of every field. A payload with
 * an {@code error} member (rare, and at most once per stream) is read again as a tree so error
 * parsing stays in one place, {@link ErrorBodies}.
 */
final class ChunkParser {
    private ChunkParser() {
    }

    /**
     * @throws MalformedChunkException when the payload is not JSON at all; a JSON payload of an
     *         unexpected shape is not an error, it simply carries nothing
     */
    static Chunk parse(String data) {
        try (JsonParser p = JsonCore.FACTORY.createParser(data)) {
            return read(p, data);
        } catch (IOException e) {
            throw new MalformedChunkException(data);
        }
    }

    /**
     * Reads the payload's object from {@code p}, positioned before it, and leaves {@code p} just
     * after its closing brace; what may follow is the caller's to judge.
     */
    static Chunk read(JsonParser p, String data) throws IOException {
        Fields f = new Fields();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedChunkException(data);
        }
        while (next(p, data) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = next(p, data);
            if ("choices".equals(name) && value == JsonToken.START_ARRAY) {
                choices(p, data, f);
            } else if ("usage".equals(name) && value == JsonToken.START_OBJECT) {
                f.usage = usage(p, data);
            } else if ("error".equals(name)) {
                f.hasError = true;
                skip(p, data);
            } else {
                skip(p, data);
            }
        }
        if (f.hasError) {
            return withError(data);
        }
        String content = f.sawDelta ? f.delta.content : f.message.content;
        String reasoning = f.sawDelta ? f.delta.reasoning() : f.message.reasoning();
        if (content == null && reasoning == null && f.finish == null && f.usage == null) {
            return Chunk.EMPTY;
        }
        return new Chunk(content, reasoning, f.finish, f.usage, null);
    }

    /** What the payload's first choice and its usage carried, whatever order the members came in. */
    private static final class Fields {
        final Texts delta = new Texts();
        final Texts message = new Texts();
        boolean sawDelta;
        String finish;
        TokenUsage usage;
        boolean hasError;
    }

    /** The text members of a {@code delta} (streamed) or {@code message} (whole) object. */
    private static final class Texts {
        String content;
        String reasoningContent;
        String reasoning;

        String reasoning() {
            return reasoningContent != null ? reasoningContent : reasoning;
        }
    }

    /** Positioned on the array's START_ARRAY; reads the first element and skips the rest. */
    private static void choices(JsonParser p, String data, Fields f) throws IOException {
        JsonToken element = next(p, data);
        if (element == JsonToken.END_ARRAY) {
            return;
        }
        if (element == JsonToken.START_OBJECT) {
            while (next(p, data) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = next(p, data);
                if ("delta".equals(name)) {
                    f.sawDelta = true;
                    texts(p, data, value, f.delta);
                } else if ("message".equals(name)) {
                    texts(p, data, value, f.message);
                } else if ("finish_reason".equals(name)) {
                    f.finish = text(p, value);
                } else {
                    skip(p, data);
                }
            }
        } else {
            skip(p, data);
        }
        while (next(p, data) != JsonToken.END_ARRAY) {
            skip(p, data);
        }
    }

    private static void texts(JsonParser p, String data, JsonToken value, Texts into) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            skip(p, data);
            return;
        }
        while (next(p, data) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = next(p, data);
            if ("content".equals(name)) {
                into.content = text(p, v);
            } else if ("reasoning_content".equals(name)) {
                into.reasoningContent = text(p, v);
            } else if ("reasoning".equals(name)) {
                into.reasoning = text(p, v);
            } else {
                skip(p, data);
            }
        }
    }

    /** Counts read as {@code JsonNode.asLong} would: numbers, numeric strings, else the default. */
    private static TokenUsage usage(JsonParser p, String data) throws IOException {
        Long prompt = null;
        Long completion = null;
        Long total = null;
        while (next(p, data) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = next(p, data);
            if (v.isStructStart()) {
                skip(p, data);
            } else if ("prompt_tokens".equals(name)) {
                prompt = p.getValueAsLong(0);
            } else if ("completion_tokens".equals(name)) {
                completion = p.getValueAsLong(0);
            } else if ("total_tokens".equals(name)) {
                total = v == JsonToken.VALUE_NULL ? null : p.getValueAsLong(0);
            }
        }
        long pr = prompt == null ? 0 : prompt;
        long co = completion == null ? 0 : completion;
        return new TokenUsage(pr, co, total == null ? pr + co : total);
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            if (value.isStructStart()) {
                p.skipChildren();
            }
            return null;
        }
        String s = p.getText();
        return s.isEmpty() ? null : s;
    }

    private static JsonToken next(JsonParser p, String data) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new MalformedChunkException(data);
        }
        return t;
    }

    private static void skip(JsonParser p, String data) throws IOException {
        if (p.currentToken().isStructStart()) {
            p.skipChildren();
            if (p.currentToken() == null) {
                throw new MalformedChunkException(data);
            }
        }
    }

    /** The rare payload that carries an error: read whole, so {@link ErrorBodies} interprets it. */
    private static Chunk withError(String data) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(data);
        } catch (IOException e) {
            throw new MalformedChunkException(data);
        }
        ApiError error = ErrorBodies.fromErrorNode(200, root.get("error"));
        JsonNode choices = root.get("choices");
        String finish = null;
        if (choices != null && choices.isArray() && !choices.isEmpty()) {
            JsonNode reason = choices.get(0).get("finish_reason");
            finish = reason != null && reason.isTextual() && !reason.asText().isEmpty() ? reason.asText() : null;
        }
        Chunk rest = parseWithoutError(root);
        return new Chunk(rest.content(), rest.reasoning(), finish, usage(root.get("usage")), error);
    }

    private static Chunk parseWithoutError(JsonNode root) {
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            return Chunk.EMPTY;
        }
        JsonNode choice = choices.get(0);
        JsonNode delta = choice.has("delta") ? choice.get("delta") : choice.get("message");
        if (delta == null || !delta.isObject()) {
            return Chunk.EMPTY;
        }
        String reasoning = nodeText(delta.get("reasoning_content"));
        return new Chunk(nodeText(delta.get("content")), reasoning != null ? reasoning : nodeText(delta.get("reasoning")),
                null, null, null);
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

    private static String nodeText(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isEmpty() ? null : node.asText();
    }

    /** The payload was not JSON: the stream is corrupt from this point. */
    static final class MalformedChunkException extends RuntimeException {
        MalformedChunkException(String data) {
            super("malformed chunk: " + (data.length() > 60 ? data.substring(0, 60) + "…" : data), null, false, false);
        }
    }
}
