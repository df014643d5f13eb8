package ai.holysheep.chat.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The parts of an OpenAI chat-completion request body that the simulated gateway acts on. */
record IncomingRequest(String model, List<Message> messages, boolean stream, boolean includeUsage, OptionalInt maxTokens) {

    record Message(String role, String content) {
    }

    /** A request the gateway refuses with 400, as a real one would. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static IncomingRequest from(JsonNode body) throws Invalid {
        if (body == null || !body.isObject()) {
            throw new Invalid("The request body must be a JSON object.");
        }
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new Invalid("you must provide a model parameter");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new Invalid("'messages' must be a non-empty array");
        }
        List<Message> parsed = new ArrayList<>(messages.size());
        for (JsonNode message : messages) {
            JsonNode role = message.get("role");
            if (role == null || !role.isTextual()) {
                throw new Invalid("every message needs a 'role'");
            }
            parsed.add(new Message(role.asText(), textOf(message.get("content"))));
        }
        JsonNode options = body.path("stream_options");
        return new IncomingRequest(model.asText(), List.copyOf(parsed), body.path("stream").asBoolean(false),
            options.path("include_usage").asBoolean(false), limitOf(body));
    }

    /** The prompt being answered: the last user message. */
    String prompt() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    /** A trailing assistant message is a partial answer the client wants continued. */
    boolean endsWithPrefill() {
        return messages.get(messages.size() - 1).role().equals("assistant");
    }

    String prefill() {
        return endsWithPrefill() ? messages.get(messages.size() - 1).content() : "";
    }

    /** Content is a string, or (newer clients) a list of parts of which the text ones count. */
    private static String textOf(JsonNode content) throws Invalid {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("type").asText().equals("text")) {
                    text.append(part.path("text").asText());
                }
            }
            return text.toString();
        }
        throw new Invalid("message 'content' must be a string or an array of parts");
    }

    private static OptionalInt limitOf(JsonNode body) throws Invalid {
        JsonNode limit = body.has("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        if (limit == null || limit.isNull()) {
            return OptionalInt.empty();
        }
        if (!limit.canConvertToInt() || !limit.isIntegralNumber() || limit.asInt() < 1) {
            throw new Invalid("'max_tokens' must be a whole number of at least 1");
        }
        return OptionalInt.of(limit.asInt());
    }
}
