package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.Json;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member's {@code POST /chat/completions} body, read into the request that goes upstream.
 * The relay always streams upstream (that is what lets it resume a broken answer) and always
 * asks for usage (that is what it bills); what the member asked for decides only what the member
 * gets back. Parameters the relay does not model travel on untouched.
 *
 * @param stream       whether the member wants server-sent events or one JSON body
 * @param includeUsage whether the member asked for the usage chunk at the end of a stream
 */
record RelayRequest(ChatRequest upstream, boolean stream, boolean includeUsage) {
    /** Fields the relay writes itself, so the member's value must not be passed on as well. */
    private static final Set<String> MODELLED = Set.of(
            "model", "messages", "temperature", "max_tokens", "stream", "stream_options", "n");
    /**
     * Answers the relay cannot keep whole: it resumes text, and a tool call or a second choice
     * cut mid-way cannot be taken up again by a prefill. Refused plainly rather than relayed
     * with parts silently missing.
     */
    private static final Set<String> UNSUPPORTED = Set.of("tools", "functions", "tool_choice", "function_call");

    /** The body is not a request the relay can pass on; the message says why, for a 400. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static RelayRequest parse(byte[] body) throws Invalid {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new Invalid("the request body is not valid JSON");
        } catch (java.io.IOException e) {
            throw new Invalid("the request body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("the request body must be a JSON object");
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new Invalid("'model' is required and must be a string");
        }
        for (String name : UNSUPPORTED) {
            if (root.has(name)) {
                throw new Invalid("'" + name + "' is not supported by this relay: it keeps text answers whole"
                        + " across upstream failures, and a tool call cannot be resumed");
            }
        }
        JsonNode n = root.get("n");
        if (n != null && !(n.isNumber() && n.asInt() == 1)) {
            throw new Invalid("'n' must be 1: the relay relays one choice");
        }
        return new RelayRequest(
                new ChatRequest(model.asText(), messages(root.get("messages")), temperature(root.get("temperature")),
                        maxTokens(root.get("max_tokens")), extra(root)),
                bool(root.get("stream"), "stream"),
                root.path("stream_options").isObject() && bool(root.get("stream_options").get("include_usage"),
                        "stream_options.include_usage"));
    }

    private static List<ChatMessage> messages(JsonNode node) throws Invalid {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new Invalid("'messages' is required and must be a non-empty array");
        }
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : node) {
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            if (role == null || !role.isTextual()) {
                throw new Invalid("every message needs a string 'role'");
            }
            if (content != null && content.isTextual()) {
                out.add(new ChatMessage(role.asText(), content.asText()));
            } else if (content != null && content.isArray()) {
                out.add(withParts(role.asText(), content));
            } else {
                throw new Invalid("every message needs a 'content': a string, or a list of text and image_url parts");
            }
        }
        return out;
    }

    /**
     * A message given as OpenAI's content parts: its text parts (joined by blank lines) and its
     * images, which go upstream as parts again, text first. Anything in a part the relay would
     * not pass on is refused rather than dropped.
     */
    private static ChatMessage withParts(String role, JsonNode parts) throws Invalid {
        List<String> texts = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (JsonNode part : parts) {
            String type = part.path("type").asText("");
            if (type.equals("text") && part.path("text").isTextual() && part.size() == 2) {
                texts.add(part.get("text").asText());
            } else if (type.equals("image_url") && part.size() == 2 && part.path("image_url").size() == 1
                    && part.path("image_url").path("url").isTextual()) {
                images.add(part.get("image_url").get("url").asText());
            } else {
                throw new Invalid("a content part must be {\"type\":\"text\",\"text\":…} or"
                        + " {\"type\":\"image_url\",\"image_url\":{\"url\":…}}; this relay passes no other fields");
            }
        }
        return new ChatMessage(role, String.join("\n\n", texts), images);
    }

    private static Double temperature(JsonNode node) throws Invalid {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new Invalid("'temperature' must be a number");
        }
        return node.asDouble();
    }

    private static Integer maxTokens(JsonNode node) throws Invalid {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            throw new Invalid("'max_tokens' must be a whole number of at least 1");
        }
        return node.asInt();
    }

    private static boolean bool(JsonNode node, String name) throws Invalid {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new Invalid("'" + name + "' must be true or false");
        }
        return node.asBoolean();
    }

    private static Map<String, String> extra(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!MODELLED.contains(field.getKey())) {
                out.put(field.getKey(), field.getValue().toString());
            }
        }
        return out;
    }
}
