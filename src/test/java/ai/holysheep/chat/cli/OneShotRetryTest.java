package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.api.Sse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-shot over a bad network, as a user at a shell sees it. Waits are a millisecond long via the config. */
class OneShotRetryTest {
    MockWebServer server;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    CliRun user(String retryTable) throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "[retry]\nbase_delay = \"1ms\"\nmax_delay = \"2ms\"\n" + retryTable);
        return new CliRun().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString()).env("HOLYSHEEP_CONFIG", config.toString());
    }

    static MockResponse unavailable() {
        return new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"Service Unavailable\"}}").build();
    }

    static MockResponse answer(String... pieces) {
        Sse sse = Sse.stream().role();
        for (String p : pieces) {
            sse.content(p);
        }
        return sse.finish("stop").done().response();
    }

    /** Sends the answer's first events, then the connection is lost inside the next one. */
    static MockResponse cutAfter(String piece) {
        String body = Sse.stream().role().content(piece).content("never arrives").body();
        int cut = body.indexOf("never") + 3;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, StandardCharsets.UTF_8).substring(0, cut).getBytes(StandardCharsets.UTF_8).length;
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(new Buffer().write(bytes, 0, at).write(new byte[at]))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    @Test
    void aRetryIsOnePlainLineOnStderrWhenItIsNotATerminal() throws Exception {
        server.enqueue(unavailable());
        server.enqueue(answer("안녕하세요"));
        CliRun.Result r = user("").run("x");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("안녕하세요\n", r.stdout());
        assertTrue(r.stderr().matches("holysheep-chat: retry 1/8 in \\dms · HTTP 503: Service Unavailable\n"), r.stderr());
    }

    @Test
    void onATerminalTheRetryLineUpdatesInPlaceAndIsErasedWhenTextFlows() throws Exception {
        server.enqueue(unavailable());
        server.enqueue(unavailable());
        server.enqueue(answer("ok"));
        CliRun.Result r = user("").terminalErr().run("x");
        assertEquals("ok\n", r.stdout());
        assertTrue(r.stderr().startsWith("\r\u001b[2K⟳ retry 1/8 in "), r.stderr());
        assertTrue(r.stderr().contains("\r\u001b[2K⟳ retry 2/8 in "), r.stderr());
        assertTrue(r.stderr().endsWith("\r\u001b[2K"), "erased at the end: " + r.stderr());
        assertFalse(r.stderr().contains("\n"), r.stderr());
    }

    @Test
    void onANarrowTerminalTheRetryLineFitsOneRowSoErasingItLeavesNothingBehind() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"upstream \\u001b]0;pwned\\u0007overloaded, please try again in a little while\"}}").build());
        server.enqueue(answer("ok"));
        CliRun.Result r = user("").env("COLUMNS", "40").terminalErr().run("x");
        assertEquals("ok\n", r.stdout());
        String shown = r.stderr().replace("\r\u001b[2K", "");
        assertFalse(shown.contains("\u001b") || shown.contains("pwned"), shown);
        assertTrue(ai.holysheep.chat.render.DisplayWidth.of(shown) <= 39, shown);
        assertTrue(shown.startsWith("⟳ retry 1/8 in ") && shown.endsWith("…"), shown);
    }

    @Test
    void aDropMidAnswerIsResumedAndTheAnswerPrintedOnce() throws Exception {
        server.enqueue(cutAfter("첫 부분, "));
        server.enqueue(answer("나머지 부분."));
        CliRun.Result r = user("").run("x");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("첫 부분, 나머지 부분.\n", r.stdout());
    }

    @Test
    void givingUpExitsFourNamingTheLastErrorAndThePartialAnswerStays() throws Exception {
        server.enqueue(cutAfter("partial "));
        server.enqueue(unavailable());
        server.enqueue(unavailable());
        CliRun.Result r = user("").run("--max-retries", "2", "x");
        assertEquals(4, r.exitCode());
        assertEquals("partial \n", r.stdout());
        List<String> lines = r.stderr().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches(
                "holysheep-chat: gave up after 3 attempts over \\d+ms: HTTP 503: Service Unavailable"), r.stderr());
    }

    @Test
    void flagsBeatTheConfigFile() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(unavailable());
        }
        server.enqueue(answer("made it"));
        CliRun.Result fromFile = user("max_retries = 1\n").run("x");
        assertEquals(4, fromFile.exitCode());
        assertEquals(2, server.getRequestCount());
        CliRun.Result fromFlag = user("max_retries = 1\n").run("--max-retries", "3", "x");
        assertEquals(0, fromFlag.exitCode(), fromFlag.stderr());
        assertEquals("made it\n", fromFlag.stdout());
    }

    @Test
    void badRetryFlagsAreOneLineUsageErrors() throws Exception {
        String[][] cases = {
            {"--max-retries", "-1"}, {"--max-retries", "101"}, {"--idle-timeout", "soon"},
            {"--connect-timeout", "0s"}, {"--resume", "sideways"}
        };
        for (String[] flag : cases) {
            CliRun.Result r = user("").run(flag[0], flag[1], "x");
            assertEquals(2, r.exitCode(), String.join(" ", flag));
            assertEquals(1, r.stderr().lines().count(), r.stderr());
            assertTrue(r.stderr().startsWith("holysheep-chat: " + flag[0]), r.stderr());
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aRestartedAnswerThatDiffersIsPrintedWholeUnderANotice() throws Exception {
        server.enqueue(cutAfter("Old start, "));
        server.enqueue(answer("New answer."));
        CliRun.Result r = user("").run("--resume", "restart", "x");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("Old start, \nNew answer.\n", r.stdout());
        assertTrue(r.stderr().contains("the new answer differs from the one above"), r.stderr());
    }

    @Test
    void jsonEventsTellScriptsAboutRetriesResumesAndGivingUp() throws Exception {
        server.enqueue(cutAfter("a"));
        server.enqueue(unavailable());
        CliRun.Result r = user("").run("--format", "json", "--max-retries", "1", "x");
        assertEquals(4, r.exitCode());
        List<JsonNode> events = r.stdout().lines().map(OneShotRetryTest::json).toList();
        JsonNode retrying = events.get(1);
        assertEquals("retrying", retrying.get("type").asText());
        assertEquals(1, retrying.get("attempt").asInt());
        assertEquals(1, retrying.get("max").asInt());
        assertTrue(retrying.has("delay_ms"));
        assertTrue(retrying.get("reason").asText().startsWith("connection lost"), retrying.toString());
        JsonNode gaveUp = events.get(events.size() - 1);
        assertEquals("gave_up", gaveUp.get("type").asText());
        assertEquals(2, gaveUp.get("attempts").asInt());
        assertEquals(4, gaveUp.get("exit_code").asInt());
        assertEquals("HTTP 503: Service Unavailable", gaveUp.get("message").asText());

        server.enqueue(cutAfter("b"));
        server.enqueue(answer("c"));
        List<JsonNode> resumed = user("").run("--format", "json", "x").stdout().lines().map(OneShotRetryTest::json).toList();
        assertEquals(List.of("delta", "retrying", "resumed", "delta", "done"),
                resumed.stream().map(e -> e.get("type").asText()).filter(t -> !t.equals("usage")).toList());
        assertEquals(1, resumed.get(2).get("kept_chars").asInt());
    }

    static JsonNode json(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }

    @Test
    void aResumedTurnsUsageIsTheSameInTheUsageEventAndTheStore() throws Exception {
        server.enqueue(cutAfter("a"));
        server.enqueue(Sse.stream().content("b").finish("stop").usage(40, 7).done().response());
        CliRun asker = user("[prices.\"gpt-4.1\"]\ninput = 2\noutput = 8\n")
                .env("XDG_DATA_HOME", dir.resolve("data").toString());
        CliRun.Result r = asker.run("--format", "json", "x");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode usage = r.stdout().lines().map(OneShotRetryTest::json)
                .filter(e -> e.get("type").asText().equals("usage")).findFirst().orElseThrow();
        assertTrue(usage.get("wasted_tokens").asInt() > 0, usage.toString());
        assertEquals(47 + usage.get("wasted_tokens").asInt(), usage.get("total_tokens").asInt(),
                "the whole turn, the broken attempt included");

        JsonNode answer = json(asker.run("conversations", "export", "1", "--format", "json").stdout()).at("/messages/1");
        assertEquals(usage.get("prompt_tokens").asInt(), answer.get("promptTokens").asInt(), answer.toString());
        assertEquals(usage.get("completion_tokens").asInt(), answer.get("completionTokens").asInt());
        assertEquals(usage.get("cost_usd").asDouble(), answer.get("cost").asDouble(), 1e-12);
    }

    static MockResponse wholeAnswer(String text) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + Sse.quote(text)
                        + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}")
                .build();
    }

    @Test
    void noStreamRetriesA503WithTheSameNoticeAsAStreamedTurn() throws Exception {
        server.enqueue(unavailable());
        server.enqueue(wholeAnswer("안녕하세요"));
        CliRun.Result r = user("").run("--no-stream", "x");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("안녕하세요\n", r.stdout());
        assertTrue(r.stderr().matches("holysheep-chat: retry 1/8 in \\dms · HTTP 503: Service Unavailable\n"), r.stderr());
        assertEquals(2, server.getRequestCount());
        server.takeRequest();
        assertFalse(json(server.takeRequest().getBody().utf8()).get("stream").asBoolean(), "still asked whole");
    }

    @Test
    void noStreamGivesUpAsAStreamedTurnDoes() throws Exception {
        for (int i = 0; i < 6; i++) {
            server.enqueue(unavailable());
        }
        CliRun.Result whole = user("").run("--no-stream", "--max-retries", "2", "x");
        CliRun.Result streamed = user("").run("--max-retries", "2", "x");
        assertEquals(4, whole.exitCode(), whole.stderr());
        assertEquals(streamed.exitCode(), whole.exitCode());
        assertEquals(6, server.getRequestCount());
        String gaveUp = "holysheep-chat: gave up after 3 attempts over \\d+ms: HTTP 503: Service Unavailable";
        for (CliRun.Result r : List.of(whole, streamed)) {
            List<String> lines = r.stderr().lines().toList();
            assertEquals(3, lines.size(), r.stderr());
            assertTrue(lines.get(0).startsWith("holysheep-chat: retry 1/2 in "), r.stderr());
            assertTrue(lines.get(2).matches(gaveUp), r.stderr());
        }
    }

    @Test
    void noStreamNeverRetriesABadRequest() throws Exception {
        server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"messages must not be empty\",\"type\":\"invalid_request_error\"}}").build());
        server.enqueue(wholeAnswer("should never be asked for"));
        CliRun.Result r = user("").run("--no-stream", "x");
        assertEquals(5, r.exitCode(), r.stderr());
        assertEquals(1, server.getRequestCount());
        assertFalse(r.stderr().contains("retry"), r.stderr());
    }
}
