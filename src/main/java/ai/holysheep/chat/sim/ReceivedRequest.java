package ai.holysheep.chat.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A chat-completion request as the gateway received it, kept so tests can check what a client
 * really sent (the model, the messages, a trailing assistant prefill, retry headers).
 *
 * @param number  position among chat-completion requests, from 1 (the number fault schedules use)
 * @param headers header names in lower case, each with its values in order
 * @param body    the body exactly as sent, decoded as UTF-8
 * @param fault   the fault the gateway committed on this request, if any
 */
public record ReceivedRequest(long number, Map<String, List<String>> headers, String body, Optional<Fault> fault) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ReceivedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of header {@code name} (any case), if sent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as a JSON tree. @throws UncheckedIOException if it is not JSON */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
