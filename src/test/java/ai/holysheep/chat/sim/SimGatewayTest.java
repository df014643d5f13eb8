package ai.holysheep.chat.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway behaving well: what a client sees on the happy path. */
class SimGatewayTest {
    private static final String PROMPT = "Explain streaming in one paragraph";
    private SimGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = SimGateway.start(Wire.testOptions());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void itsConnectionsSendSmallChunksAtOnce() {
        // Read once, when the JDK's first HTTP server is made: a gateway that has started has it set.
        assertEquals("true", System.getProperty(SimGateway.NO_DELAY));
    }

    @Test
    void listsTheGatewayModelsInOpenAiShape() throws Exception {
        HttpResponse<String> response = Wire.get(gateway, "/v1/models");

        assertEquals(200, response.statusCode());
        JsonNode list = Wire.JSON.readTree(response.body());
        assertEquals("list", list.path("object").asText());
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(model -> {
            assertEquals("model", model.path("object").asText());
            assertFalse(model.path("owned_by").asText().isEmpty());
            ids.add(model.path("id").asText());
        });
        assertEquals(List.of("gpt-4.1", "claude-sonnet-4.5", "gemini-2.5-flash", "deepseek-v3.2", SimGateway.SIM_MODEL), ids);
    }

    /** A message with images comes as a list of parts; its text parts are the prompt answered. */
    @Test
    void contentAsAListOfPartsIsAnsweredFromItsText() throws Exception {
        String body = """
                {"model":"gpt-4.1","stream":true,"messages":[{"role":"user","content":[
                  {"type":"text","text":"%s"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]}""".formatted(PROMPT);
        Wire.Reply reply = Wire.post(gateway, body);

        assertEquals(200, reply.status());
        assertTrue(reply.body().endedCleanly());
        assertEquals(DemoAnswer.compose(PROMPT, 7), Wire.content(reply.text()));
    }

    @Test
    void baseUrlPointsAtLoopbackWithTheChosenPort() {
        assertEquals("http://127.0.0.1:" + gateway.port() + "/v1", gateway.baseUrl());
        assertTrue(gateway.port() > 0);
    }

    @Test
    void streamedAnswerReassemblesToTheDeterministicDemoText() throws Exception {
        Wire.Reply reply = Wire.post(gateway, Wire.chat("gpt-4.1", PROMPT, true, null));

        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("text/event-stream"));
        assertTrue(reply.body().endedCleanly());
        String expected = DemoAnswer.compose(PROMPT, 7);
        assertEquals(expected, Wire.content(reply.text()));
        assertTrue(expected.contains("simulated gateway") && expected.contains("HOLYSHEEP_API_KEY"));
        assertTrue(expected.contains("시뮬레이션 게이트웨이"));
        assertTrue(expected.contains("## ") && expected.contains("\n- ") && expected.contains("```") && expected.contains("|---|"));

        List<JsonNode> chunks = Wire.chunks(reply.text());
        assertEquals("assistant", chunks.get(0).path("choices").path(0).path("delta").path("role").asText());
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertEquals("stop", finish.path("choices").path(0).path("finish_reason").asText());
        List<String> payloads = Wire.dataPayloads(reply.text());
        assertEquals("[DONE]", payloads.get(payloads.size() - 1));
    }

    @Test
    void usageArrivesLastWithNoChoicesAndHonestCounts() throws Exception {
        Wire.Reply reply = Wire.post(gateway, Wire.chat("gpt-4.1", PROMPT, true, null));

        List<JsonNode> chunks = Wire.chunks(reply.text());
        JsonNode last = chunks.get(chunks.size() - 1);
        assertTrue(last.path("choices").isArray() && last.path("choices").isEmpty());
        JsonNode usage = last.path("usage");
        int contentChunks = (int) chunks.stream().filter(c -> c.path("choices").path(0).path("delta").has("content")).count() - 1;
        assertEquals(Tokens.count("Be brief.") + Tokens.count(PROMPT), usage.path("prompt_tokens").asInt());
        assertEquals(contentChunks, usage.path("completion_tokens").asInt());
        assertEquals(usage.path("prompt_tokens").asInt() + contentChunks, usage.path("total_tokens").asInt());
    }

    @Test
    void withoutIncludeUsageThereIsNoUsageChunk() throws Exception {
        String body = "{\"model\":\"gpt-4.1\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        List<JsonNode> chunks = Wire.chunks(Wire.post(gateway, body).text());
        assertTrue(chunks.stream().noneMatch(c -> c.has("usage")));
    }

    @Test
    void nonStreamingAnswerIsOneChatCompletionWithUsage() throws Exception {
        Wire.Reply reply = Wire.post(gateway, Wire.chat("claude-sonnet-4.5", PROMPT, false, null));

        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("application/json"));
        JsonNode completion = Wire.JSON.readTree(reply.text());
        assertEquals("chat.completion", completion.path("object").asText());
        assertEquals("claude-sonnet-4.5", completion.path("model").asText());
        JsonNode choice = completion.path("choices").path(0);
        assertEquals("assistant", choice.path("message").path("role").asText());
        assertEquals(DemoAnswer.compose(PROMPT, 7), choice.path("message").path("content").asText());
        assertEquals("stop", choice.path("finish_reason").asText());
        assertEquals(Tokens.count(DemoAnswer.compose(PROMPT, 7)), completion.path("usage").path("completion_tokens").asInt());
    }

    @Test
    void maxTokensCutsTheAnswerWithFinishReasonLength() throws Exception {
        String body = "{\"model\":\"gpt-4.1\",\"stream\":true,\"max_tokens\":12,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
        String sse = Wire.post(gateway, body).text();

        assertEquals(String.join("", Tokens.split(DemoAnswer.compose(PROMPT, 7)).subList(0, 12)), Wire.content(sse));
        List<JsonNode> chunks = Wire.chunks(sse);
        assertEquals("length", chunks.get(chunks.size() - 2).path("choices").path(0).path("finish_reason").asText());
        assertEquals(12, chunks.get(chunks.size() - 1).path("usage").path("completion_tokens").asInt());
    }

    @Test
    void reasoningModelsThinkAloudBeforeAnswering() throws Exception {
        String sse = Wire.post(gateway, Wire.chat("deepseek-v3.2", PROMPT, true, null)).text();

        String thinking = Wire.deltas(sse, "reasoning_content");
        assertEquals(DemoAnswer.reasoning(PROMPT), thinking);
        assertEquals(DemoAnswer.compose(PROMPT, 7), Wire.content(sse));
        List<JsonNode> chunks = Wire.chunks(sse);
        int firstContent = -1;
        int lastReasoning = -1;
        for (int i = 1; i < chunks.size(); i++) {
            JsonNode delta = chunks.get(i).path("choices").path(0).path("delta");
            if (delta.has("reasoning_content")) {
                lastReasoning = i;
            }
            if (delta.has("content") && firstContent < 0) {
                firstContent = i;
            }
        }
        assertTrue(lastReasoning < firstContent);
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        int reasoningTokens = Tokens.count(thinking);
        assertEquals(reasoningTokens, usage.path("completion_tokens_details").path("reasoning_tokens").asInt());
        assertEquals(reasoningTokens + Tokens.count(DemoAnswer.compose(PROMPT, 7)), usage.path("completion_tokens").asInt());
    }

    @Test
    void prefillIsContinuedSoThatPrefillPlusRestIsTheWholeAnswer() throws Exception {
        String full = DemoAnswer.compose("안녕하세요, 스트리밍을 설명해 주세요", 7);
        for (int cut : new int[] {1, full.indexOf("시뮬레이션") + 2, full.length() / 2, full.length() - 1}) {
            String prefill = full.substring(0, cut);
            String sse = Wire.post(gateway, Wire.chat("gpt-4.1", "안녕하세요, 스트리밍을 설명해 주세요", true, prefill)).text();

            assertEquals(full, prefill + Wire.content(sse), "prefill cut at " + cut);
            List<JsonNode> chunks = Wire.chunks(sse);
            long streamedPieces = chunks.stream().skip(1).filter(c -> c.path("choices").path(0).path("delta").has("content")).count();
            assertEquals(streamedPieces, chunks.get(chunks.size() - 1).path("usage").path("completion_tokens").asInt());
            assertEquals(Tokens.count("Be brief.") + Tokens.count("안녕하세요, 스트리밍을 설명해 주세요") + Tokens.count(prefill),
                chunks.get(chunks.size() - 1).path("usage").path("prompt_tokens").asInt());
        }
    }

    @Test
    void prefillThatIsNotTheAnswerStartStillGetsAContinuation() throws Exception {
        String sse = Wire.post(gateway, Wire.chat("gpt-4.1", PROMPT, true, "Something else entirely")).text();

        String rest = Wire.content(sse);
        assertFalse(rest.isEmpty());
        assertTrue(DemoAnswer.compose(PROMPT, 7).endsWith(rest));
    }

    @Test
    void recordsWhatTheClientSent() throws Exception {
        Wire.post(gateway, Wire.chat("gemini-2.5-flash", PROMPT, true, "partial answer"));

        assertEquals(1, gateway.requestCount());
        ReceivedRequest request = gateway.requests().get(0);
        assertEquals(1, request.number());
        assertEquals("gemini-2.5-flash", request.json().path("model").asText());
        JsonNode last = request.json().path("messages").path(2);
        assertEquals("assistant", last.path("role").asText());
        assertEquals("partial answer", last.path("content").asText());
        assertEquals("Bearer sim-test", request.header("authorization").orElseThrow());
        assertTrue(request.fault().isEmpty());
    }

    @Test
    void sameSeedAndPromptGiveTheSameAnswerAndOtherSeedsVary() {
        assertEquals(DemoAnswer.compose(PROMPT, 7), DemoAnswer.compose(PROMPT, 7));
        long distinct = java.util.stream.LongStream.range(0, 12).mapToObj(seed -> DemoAnswer.compose(PROMPT, seed)).distinct().count();
        assertTrue(distinct > 1);
        assertNotEquals(DemoAnswer.compose("first prompt", 1), DemoAnswer.compose("second prompt", 1));
    }

    @Test
    void koreanPromptsGetTheKoreanPartFirst() {
        String answer = DemoAnswer.compose("스트리밍이 뭐예요?", 7);
        assertTrue(answer.startsWith("## 한국어 안내"));
    }

    @Test
    void answerTokensSetsTheStreamLengthExactly() throws Exception {
        try (SimGateway long2k = SimGateway.start(Wire.testOptions().withAnswerTokens(2000))) {
            String sse = Wire.post(long2k, Wire.chat("gpt-4.1", PROMPT, true, null)).text();
            List<JsonNode> chunks = Wire.chunks(sse);
            assertEquals(2000, chunks.get(chunks.size() - 1).path("usage").path("completion_tokens").asInt());
            assertEquals(String.join("", DemoAnswer.pieces(PROMPT, 7, 2000)), Wire.content(sse));
            assertTrue(Wire.content(sse).contains("### Part"));
        }
    }

    @Test
    void pacedStreamsTakeAtLeastOneIntervalPerEvent() throws Exception {
        try (SimGateway paced = SimGateway.start(Wire.testOptions().withAnswerTokens(10).withTokensPerSecond(100))) {
            long start = System.nanoTime();
            String sse = Wire.post(paced, Wire.chat("gpt-4.1", PROMPT, true, null)).text();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            int events = Wire.dataPayloads(sse).size();
            assertEquals(14, events, "role, ten pieces, finish, usage, [DONE]");
            assertTrue(elapsedMillis >= (events - 1) * 10L, "a paced stream cannot finish early: " + elapsedMillis + " ms");
        }
    }

    @Test
    void unknownRouteIsA404WithAJsonError() throws Exception {
        HttpResponse<String> response = Wire.get(gateway, "/v1/embeddings");

        assertEquals(404, response.statusCode());
        assertEquals("invalid_request_error", Wire.JSON.readTree(response.body()).path("error").path("type").asText());
    }

    @Test
    void badJsonIsA400WithAnOpenAiStyleError() throws Exception {
        Wire.Reply reply = Wire.post(gateway, "{\"model\": \"gpt-4.1\", \"messages\": [");

        assertEquals(400, reply.status());
        JsonNode error = Wire.JSON.readTree(reply.text()).path("error");
        assertEquals("invalid_request_error", error.path("type").asText());
        assertFalse(error.path("message").asText().isEmpty());
        assertTrue(error.has("param") && error.has("code"));
    }

    @Test
    void missingMessagesIsA400() throws Exception {
        assertEquals(400, Wire.post(gateway, "{\"model\":\"gpt-4.1\"}").status());
    }
}
