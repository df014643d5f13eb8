package ai.holysheep.chat.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The same request with one more message at the end (a prefill, when resuming). */
    public ChatRequest plus(ChatMessage message) {
        List<ChatMessage> more = new ArrayList<>(messages);
        more.add(message);
        return new ChatRequest(model, more, temperature, maxTokens);
    }

    public String toJson(boolean stream) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("model", model);
        ArrayNode list = root.putArray("messages");
        for (ChatMessage m : messages) {
            list.addObject().put("role", m.role()).put("content", m.content());
        }
        if (temperature != null) {
            root.put("temperature", temperature);
        }
        if (maxTokens != null) {
            root.put("max_tokens", maxTokens);
        }
        root.put("stream", stream);
        if (stream) {
            // Without this most servers never report usage for a streamed answer.
            root.putObject("stream_options").put("include_usage", true);
        }
        return root.toString();
    }
}
