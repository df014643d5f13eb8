package ai.holysheep.chat.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pieces are escaped by hand-assembled frames, so every awkward character must survive a real JSON parser. */
class WireFormatTest {
    @Test
    void everyPieceSurvivesJsonEscaping() throws Exception {
        List<String> pieces = List.of("\"quoted\"", "back\\slash", "\n", "\t", "\u0001", "한", "👍🏽", "</script>", "\u2028", "\"model\":\"x\"");
        AnswerPlan completion = new AnswerPlan("chatcmpl-\"odd\"", 1, "model\"with\\quotes", List.of("think\"ing"), pieces, "stop", 3);

        List<byte[]> events = WireFormat.events(completion, true, null, -1);
        String sse = events.stream().map(b -> new String(b, StandardCharsets.UTF_8)).collect(Collectors.joining());

        assertEquals(String.join("", pieces), Wire.content(sse));
        assertEquals("think\"ing", Wire.deltas(sse, "reasoning_content"));
        for (JsonNode chunk : Wire.chunks(sse)) {
            assertEquals("model\"with\\quotes", chunk.path("model").asText());
            assertEquals("chatcmpl-\"odd\"", chunk.path("id").asText());
        }
    }
}
