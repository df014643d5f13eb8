package ai.holysheep.chat.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat completion request; null parameters are left out so the server's defaults apply.
 *
 * @param extra parameters this client does not model but passes on (a relayed request's
 *              {@code top_p}, {@code stop}, {@code seed}, …): each name with its value as JSON
 *              text, written as it came after the modelled fields
 */
public record ChatRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
                          Map<String, String> extra) {

    public ChatRequest {
        messages = List.copyOf(messages);
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public ChatRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens) {
        this(model, messages, temperature, maxTokens, Map.of());
    }

    /** The same request with another completion limit (null leaves it to the server). */
    public ChatRequest withMaxTokens(Integer limit) {
        return new ChatRequest(model, messages, temperature, limit, extra);
    }

    /** The same request with one more message at the end (a prefill, when resuming). */
    public ChatRequest plus(ChatMessage message) {
        List<ChatMessage> more = new ArrayList<>(messages);
        more.add(message);
        return new ChatRequest(model, more, temperature, maxTokens, extra);
    }

    /** Written with the streaming generator: building a request must not initialise databind. */
    public String toJson(boolean stream) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JsonCore.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", model);
            g.writeArrayFieldStart("messages");
            for (ChatMessage m : messages) {
                g.writeStartObject();
                g.writeStringField("role", m.role());
                if (m.images().isEmpty()) {
                    g.writeStringField("content", m.content());
                } else {
                    writeParts(g, m);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (temperature != null) {
                g.writeNumberField("temperature", temperature);
            }
            if (maxTokens != null) {
                g.writeNumberField("max_tokens", maxTokens);
            }
            for (Map.Entry<String, String> e : extra.entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeRawValue(e.getValue());
            }
            g.writeBooleanField("stream", stream);
            if (stream) {
                // Without this most servers never report usage for a streamed answer.
                g.writeObjectFieldStart("stream_options");
                g.writeBooleanField("include_usage", true);
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    /** OpenAI's content parts: the text, then each image as an {@code image_url}. */
    private static void writeParts(JsonGenerator g, ChatMessage m) throws IOException {
        g.writeArrayFieldStart("content");
        if (!m.content().isEmpty()) {
            g.writeStartObject();
            g.writeStringField("type", "text");
            g.writeStringField("text", m.content());
            g.writeEndObject();
        }
        for (String url : m.images()) {
            g.writeStartObject();
            g.writeStringField("type", "image_url");
            g.writeObjectFieldStart("image_url");
            g.writeStringField("url", url);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
