package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChunkParserTest {

    @Test
    void roleChunkWithNullContentCarriesNothing() {
        assertSame(Chunk.EMPTY, ChunkParser.parse(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":null}]}"));
    }

    @Test
    void contentDelta() {
        assertEquals("안녕", ChunkParser.parse("{\"choices\":[{\"delta\":{\"content\":\"안녕\"}}]}").content());
    }

    @Test
    void reasoningAsDeepSeekAndAsOpenRouterSendIt() {
        assertEquals("hmm", ChunkParser.parse("{\"choices\":[{\"delta\":{\"reasoning_content\":\"hmm\"}}]}").reasoning());
        assertEquals("hmm", ChunkParser.parse("{\"choices\":[{\"delta\":{\"reasoning\":\"hmm\"}}]}").reasoning());
    }

    @Test
    void finishReasonAndUsageOnTheFinishChunk() {
        Chunk c = ChunkParser.parse("{\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,\"total_tokens\":8}}");
        assertEquals("length", c.finishReason());
        assertEquals(new TokenUsage(3, 5, 8), c.usage());
    }

    @Test
    void usageInAFinalChunkWithEmptyChoices() {
        Chunk c = ChunkParser.parse("{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}");
        assertEquals(new TokenUsage(1, 2, 3), c.usage());
        assertNull(c.content());
    }

    @Test
    void azureAnnotationChunksWithoutDeltaOrChoices() {
        assertSame(Chunk.EMPTY, ChunkParser.parse("{\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0}]}"));
        assertSame(Chunk.EMPTY, ChunkParser.parse("{\"choices\":[{\"index\":0,\"content_filter_results\":{}}]}"));
    }

    @Test
    void errorAloneAndErrorBesideAFinishReasonOfError() {
        Chunk alone = ChunkParser.parse("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"code\":503}}");
        assertEquals("overloaded", alone.error().message());
        assertEquals("503", alone.error().code());
        Chunk openRouter = ChunkParser.parse("{\"id\":\"x\",\"error\":{\"code\":\"server_error\",\"message\":\"upstream died\"},"
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}");
        assertEquals("upstream died", openRouter.error().message());
        assertEquals("error", openRouter.finishReason());
    }

    @Test
    void notJsonIsMalformed() {
        assertThrows(ChunkParser.MalformedChunkException.class, () -> ChunkParser.parse("{\"choices\":[{\"delta\""));
    }

    @Test
    void membersMayComeInAnyOrderAndUnknownOnesAreSkippedWhole() {
        Chunk c = ChunkParser.parse("{\"x\":{\"choices\":[{\"delta\":{\"content\":\"no\"}}]},\"choices\":[{\"finish_reason\":\"stop\","
                + "\"logprobs\":{\"content\":[{\"token\":\"a\"}]},\"delta\":{\"extra\":[1,{\"content\":\"no\"}],\"content\":\"yes\"}},"
                + "{\"delta\":{\"content\":\"second choice\"}}],\"id\":\"c1\"}");
        assertEquals("yes", c.content());
        assertEquals("stop", c.finishReason());
    }

    @Test
    void deltaWinsOverMessageWhicheverComesFirst() {
        assertEquals("d", ChunkParser.parse("{\"choices\":[{\"message\":{\"content\":\"m\"},\"delta\":{\"content\":\"d\"}}]}").content());
        assertEquals("m", ChunkParser.parse("{\"choices\":[{\"message\":{\"content\":\"m\"}}]}").content());
    }

    @Test
    void usageCountsGivenAsStringsStillCount() {
        Chunk c = ChunkParser.parse("{\"choices\":[],\"usage\":{\"prompt_tokens\":\"4\",\"completion_tokens\":6,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":2}}}");
        assertEquals(new TokenUsage(4, 6, 10), c.usage());
    }

    @Test
    void aPayloadThatIsNotAnObjectOrIsCutInsideSkippedMembersIsMalformed() {
        assertThrows(ChunkParser.MalformedChunkException.class, () -> ChunkParser.parse("[1,2]"));
        assertThrows(ChunkParser.MalformedChunkException.class, () -> ChunkParser.parse("\"text\""));
        assertThrows(ChunkParser.MalformedChunkException.class, () -> ChunkParser.parse("{\"id\":{\"a\":[1,2"));
        assertThrows(ChunkParser.MalformedChunkException.class, () -> ChunkParser.parse("not json"));
    }

    @Test
    void structuredMembersAreSkippedWholeSoLaterMembersStillCount() {
        Chunk c = ChunkParser.parse("{\"choices\":[{\"delta\":{\"content\":{\"x\":[1]},\"reasoning\":\"r\"}},"
                + "{\"logprobs\":[1]}],\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":1},"
                + "\"prompt_tokens\":2,\"completion_tokens\":3,\"total_tokens\":9}}");
        assertEquals(new Chunk(null, "r", null, new TokenUsage(2, 3, 9), null), c);
        assertEquals(new TokenUsage(1, 1, 2), ChunkParser.parse("{\"choices\":[[1,2]],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}").usage());
        assertEquals("stop", ChunkParser.parse("{\"choices\":[{\"delta\":[1],\"finish_reason\":\"stop\"}]}").finishReason());
    }

    @Test
    void aMissingOrNullTotalIsTheSumOfTheOtherCounts() {
        assertEquals(new TokenUsage(2, 3, 5), ChunkParser.parse(
                "{\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3,\"total_tokens\":null}}").usage());
        assertEquals(new TokenUsage(2, 3, 5), ChunkParser.usage(json("{\"prompt_tokens\":2,\"completion_tokens\":3}")));
        assertEquals(new TokenUsage(2, 0, 7), ChunkParser.usage(json("{\"prompt_tokens\":2,\"total_tokens\":7}")));
        assertNull(ChunkParser.usage(null));
        assertNull(ChunkParser.usage(json("[1]")));
    }

    @Test
    void anErrorChunkKeepsTheTextItCarriesBesideTheError() {
        Chunk delta = ChunkParser.parse("{\"error\":{\"message\":\"cut\"},\"choices\":[{\"delta\":"
                + "{\"content\":\"partial\",\"reasoning\":\"why\"},\"finish_reason\":\"error\"}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}");
        assertEquals(new Chunk("partial", "why", "error", new TokenUsage(1, 2, 3), new ApiError(200, "cut", null, null)),
                delta);
        Chunk message = ChunkParser.parse("{\"error\":\"boom\",\"choices\":[{\"message\":"
                + "{\"content\":\"\",\"reasoning_content\":\"rc\",\"reasoning\":\"r\"},\"finish_reason\":\"\"}]}");
        assertEquals(new Chunk(null, "rc", null, null, new ApiError(200, "boom", null, null)), message);
        for (String rest : new String[] {"", ",\"choices\":[]", ",\"choices\":{}", ",\"choices\":[{\"delta\":\"x\"}]",
            ",\"choices\":[{\"index\":0}]", ",\"choices\":[{\"delta\":{\"content\":5}}]"}) {
            Chunk c = ChunkParser.parse("{\"error\":{\"message\":\"e\"}" + rest + "}");
            assertEquals(new Chunk(null, null, null, null, new ApiError(200, "e", null, null)), c, rest);
        }
    }

    @Test
    void aMalformedChunkIsQuotedUpToSixtyCharacters() {
        String sixty = "x".repeat(60);
        assertEquals("malformed chunk: " + sixty,
                assertThrows(ChunkParser.MalformedChunkException.class, () -> ChunkParser.parse(sixty)).getMessage());
        assertEquals("malformed chunk: " + sixty + "…",
                assertThrows(ChunkParser.MalformedChunkException.class, () -> ChunkParser.parse(sixty + "y")).getMessage());
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
