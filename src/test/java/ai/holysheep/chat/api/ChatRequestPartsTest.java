package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message's content on the wire: a plain string, unless it has images. */
class ChatRequestPartsTest {

    JsonNode content(ChatMessage m) throws Exception {
        return Json.MAPPER.readTree(new ChatRequest("gpt-4.1", List.of(m), null, null).toJson(true))
                .path("messages").get(0).path("content");
    }

    @Test
    void withoutImagesTheContentIsAString() throws Exception {
        JsonNode content = content(ChatMessage.user("hello"));
        assertTrue(content.isTextual());
        assertEquals("hello", content.asText());
    }

    @Test
    void withImagesTheContentIsTheTextThenEachImageAsAnImageUrlPart() throws Exception {
        JsonNode content = content(ChatMessage.user("what is this?\n\n[image: a.png, 1 KiB]",
                List.of("data:image/png;base64,AAA", "data:image/gif;base64,BBB")));
        assertEquals(Json.MAPPER.readTree("""
                [{"type":"text","text":"what is this?\\n\\n[image: a.png, 1 KiB]"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,AAA"}},
                 {"type":"image_url","image_url":{"url":"data:image/gif;base64,BBB"}}]"""), content);
    }

    @Test
    void anImageWithNoTextSendsNoEmptyTextPart() throws Exception {
        JsonNode content = content(ChatMessage.user("", List.of("data:image/png;base64,AAA")));
        assertEquals(1, content.size());
        assertEquals("image_url", content.get(0).path("type").asText());
    }
}
