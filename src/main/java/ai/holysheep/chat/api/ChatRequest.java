package ai.holysheep.chat.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A chat completion request; null parameters are left out so the server's defaults apply. */
public record ChatRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens) {

    public ChatRequest {
        messages = List.copyOf(messages);
    }

    public ChatRequest withModel(String newModel) {
        return new ChatRequest(newModel, messages, temperature, maxTokens);
    }

    /** The same request with another completion limit (null leaves it to the server). */
    public ChatRequest withMaxTokens(Integer limit) {
        return new ChatRequest(model, messages, temperature, limit);
    }

    /** The same request with one more message at the end (a prefill, when resuming). */
    public ChatRequest plus(ChatMessage message) {
        List<ChatMessage> more = new ArrayList<>(messages);
        more.add(message);
        return new ChatRequest(model, more, temperature, maxTokens);
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
                g.writeStringField("content", m.content());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (temperature != null) {
                g.writeNumberField("temperature", temperature);
            }
            if (maxTokens != null) {
                g.writeNumberField("max_tokens", maxTokens);
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
}
