package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What goes on the wire for a request, field by field, and the copies a turn makes of one. */
class ChatRequestTest {
    private static final List<ChatMessage> TWO = List.of(ChatMessage.system("be brief"), ChatMessage.user("hi \"you\""));

    @Test
    void aStreamedRequestAsksForUsageAndLeavesOutUnsetParameters() {
        assertEquals("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"user\",\"content\":\"hi \\\"you\\\"\"}],\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}}",
                new ChatRequest("m", TWO, null, null).toJson(true));
    }

    @Test
    void aWholeRequestHasEveryParameterSetAndThePassedOnOnesAfterThem() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("top_p", "0.9");
        extra.put("stop", "[\"\\n\"]");
        assertEquals("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":\"so\"}],"
                + "\"temperature\":0.5,\"max_tokens\":64,\"top_p\":0.9,\"stop\":[\"\\n\"],\"stream\":false}",
                new ChatRequest("m", List.of(ChatMessage.assistant("so")), 0.5, 64, extra).toJson(false));
    }

    @Test
    void copiesChangeOneThingAndKeepTheRest() {
        ChatRequest r = new ChatRequest("m", TWO, 0.2, 10, Map.of("seed", "1"));
        assertEquals(new ChatRequest("m", TWO, 0.2, null, Map.of("seed", "1")), r.withMaxTokens(null));
        assertEquals(new ChatRequest("m", List.of(TWO.get(0), TWO.get(1), ChatMessage.assistant("Once")), 0.2, 10,
                Map.of("seed", "1")), r.plus(ChatMessage.assistant("Once")));
        assertEquals(TWO, r.messages(), "the original is untouched");
        assertEquals("{\"model\":\"m\",\"messages\":[],\"max_tokens\":5,\"stream\":false}",
                new ChatRequest("m", List.of(), null, null).withMaxTokens(5).toJson(false));
    }

    @Test
    void usageAddsUpFieldByField() {
        assertEquals(new TokenUsage(11, 22, 33), new TokenUsage(10, 20, 30).plus(new TokenUsage(1, 2, 3)));
    }
}
