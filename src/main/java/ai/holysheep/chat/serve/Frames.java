package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.JsonCore;
import ai.holysheep.chat.api.TokenUsage;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * What the relay writes to a member, in the OpenAI shapes every client parses: the chunks of one
 * streamed answer (all under one id, as if it had never broken), the whole answer as one body,
 * and errors. The relay writes its own frames rather than forwarding upstream's, because after a
 * resume upstream's frames belong to several calls with several ids.
 */
final class Frames {
    private final String id;
    private final long created;
    private final String model;

    Frames(String id, long created, String model) {
        this.id = id;
        this.created = created;
        this.model = model;
    }

    /** The first chunk, which names the role, as OpenAI's does. */
    String role() {
        return event(chunk(g -> {
            g.writeStringField("role", "assistant");
            g.writeStringField("content", "");
        }, null));
    }

    String content(String text) {
        return event(chunk(g -> g.writeStringField("content", text), null));
    }

    /** Under {@code reasoning_content}, the name most servers use and holysheep-chat reads. */
    String reasoning(String text) {
        return event(chunk(g -> g.writeStringField("reasoning_content", text), null));
    }

    String finish(String reason) {
        return event(chunk(g -> { }, reason));
    }

    String usage(TokenUsage usage) {
        return event(json(g -> {
            header(g, "chat.completion.chunk");
            g.writeArrayFieldStart("choices");
            g.writeEndArray();
            usageField(g, usage);
        }));
    }

    static String done() {
        return "data: [DONE]\n\n";
    }

    static String comment(String text) {
        return ": " + text + "\n\n";
    }

    /** An error inside a stream that has begun: the OpenAI error object as one event. */
    static String errorEvent(String message, String type) {
        return event(error(message, type, null));
    }

    /** An error body, for a response that has not begun. */
    static String error(String message, String type, String code) {
        return json(g -> {
            g.writeObjectFieldStart("error");
            g.writeStringField("message", message);
            g.writeStringField("type", type);
            if (code == null) {
                g.writeNullField("code");
            } else {
                g.writeStringField("code", code);
            }
            g.writeEndObject();
        });
    }

    /** The whole answer, for a member that did not ask for a stream. */
    String completion(String content, String reasoning, String finishReason, TokenUsage usage) {
        return json(g -> {
            header(g, "chat.completion");
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("message");
            g.writeStringField("role", "assistant");
            g.writeStringField("content", content);
            if (reasoning != null && !reasoning.isEmpty()) {
                g.writeStringField("reasoning_content", reasoning);
            }
            g.writeEndObject();
            g.writeStringField("finish_reason", finishReason);
            g.writeEndObject();
            g.writeEndArray();
            if (usage != null) {
                usageField(g, usage);
            }
        });
    }

    private String chunk(Body delta, String finishReason) {
        return json(g -> {
            header(g, "chat.completion.chunk");
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("delta");
            delta.write(g);
            g.writeEndObject();
            if (finishReason == null) {
                g.writeNullField("finish_reason");
            } else {
                g.writeStringField("finish_reason", finishReason);
            }
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    private void header(JsonGenerator g, String object) throws IOException {
        g.writeStringField("id", id);
        g.writeStringField("object", object);
        g.writeNumberField("created", created);
        g.writeStringField("model", model);
    }

    private static void usageField(JsonGenerator g, TokenUsage usage) throws IOException {
        g.writeObjectFieldStart("usage");
        g.writeNumberField("prompt_tokens", usage.promptTokens());
        g.writeNumberField("completion_tokens", usage.completionTokens());
        g.writeNumberField("total_tokens", usage.totalTokens());
        g.writeEndObject();
    }

    private static String event(String json) {
        return "data: " + json + "\n\n";
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON object, its fields written by {@code body}. */
    static String json(Body body) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = JsonCore.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }
}
