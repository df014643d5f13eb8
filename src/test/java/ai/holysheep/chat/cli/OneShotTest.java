package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.api.Sse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;

/** One-shot use, as a user at a shell sees it, against a scripted gateway on loopback. */
class OneShotTest {
    static final String KEY = "sk-test-NEVER-SHOWN-7f3a9c3f";

    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @TempDir
    Path configDir;

    CliRun user() {
        return new CliRun().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString()).env("HOLYSHEEP_API_KEY", KEY);
    }

    /** Prices apply per gateway: a loopback gateway has only the ones its config names. */
    String pricedConfig() throws Exception {
        Path file = configDir.resolve("config.toml");
        Files.writeString(file, "[prices.\"deepseek-v3.2\"]\ninput = 0.42\noutput = 0.42\n"
                + "[prices.\"gpt-4.1\"]\ninput = 8\noutput = 8\n");
        return file.toString();
    }

    JsonNode sentBody() throws Exception {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        return Json.MAPPER.readTree(r.getBody().utf8());
    }

    @Test
    void theAnswerStreamsToStdoutAloneEndingWithOneNewline() throws Exception {
        server.enqueue(Sse.stream().role().content("Hello").content(", ").content("world.")
                .finish("stop").usage(5, 3).done().response());
        CliRun.Result r = user().run("say hello");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("Hello, world.\n", r.stdout());
        assertEquals("", r.stderr());

        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/v1/chat/completions", sent.getUrl().encodedPath());
        assertEquals("Bearer " + KEY, sent.getHeaders().get("Authorization"));
        JsonNode body = Json.MAPPER.readTree(sent.getBody().utf8());
        assertTrue(body.get("stream").asBoolean());
        assertTrue(body.at("/stream_options/include_usage").asBoolean());
        assertEquals("gpt-4.1", body.get("model").asText());
        assertEquals("say hello", body.at("/messages/0/content").asText());
    }

    @Test
    void keepAliveCommentsCrlfAndAMissingDoneAreAllFine() {
        server.enqueue(Sse.stream().crlf().comment("keep-alive").role().comment("OPENROUTER PROCESSING")
                .content("a").content("b").finish("stop").response());
        CliRun.Result r = user().run("x");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("ab\n", r.stdout());
    }

    @Test
    void hangulSplitMidCharacterAcrossNetworkReadsArrivesIntact() {
        String answer = "안녕하세요, 세계! 한국어 답변입니다.";
        Sse sse = Sse.stream().role();
        for (String piece : answer.split("(?<=\\G.{2})")) {
            sse.content(piece);
        }
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(new Buffer().writeUtf8(sse.finish("stop").done().body()))
                .throttleBody(1, 0, TimeUnit.MILLISECONDS) // one byte per write: every character split
                .build());
        CliRun.Result r = user().run("한국어로");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(answer + "\n", r.stdout());
    }

    @Test
    void azureStyleEmptyChunksEvenAfterTheFinishAreIgnored() {
        server.enqueue(Sse.stream().data("{\"choices\":[],\"prompt_filter_results\":[]}").role().content("ok")
                .finish("stop").data("{\"choices\":[{\"index\":0,\"content_filter_results\":{}}]}").done().response());
        assertEquals("ok\n", user().run("x").stdout());
    }

    @Test
    void reasoningNeverReachesStdoutAndReachesAStderrTerminalDimmed() {
        server.enqueue(Sse.stream().reasoning("reasoning_content", "thinking…").content("42").finish("stop").done().response());
        CliRun.Result piped = user().run("x");
        assertEquals("42\n", piped.stdout());
        assertEquals("", piped.stderr());

        server.enqueue(Sse.stream().reasoning("reasoning", "thinking…").content("42").finish("stop").done().response());
        CliRun.Result terminal = user().terminalErr().run("x");
        assertEquals("42\n", terminal.stdout());
        assertEquals("\u001b[2mthinking…\u001b[0m\n", terminal.stderr());
    }

    @Test
    void argumentThenBlankLineThenStdinExactlyAsItCame() throws Exception {
        server.enqueue(Sse.stream().content("ok").done().response());
        String diff = "--- a/x\n+++ b/x\n@@\n-\told\n+\tnew 한글\r\n\n";
        assertEquals(0, user().stdin(diff).run("write", "a", "commit", "message").exitCode());
        assertEquals("write a commit message\n\n" + diff, sentBody().at("/messages/0/content").asText());
    }

    @Test
    void stdinAloneIsThePrompt() throws Exception {
        server.enqueue(Sse.stream().content("ok").done().response());
        assertEquals(0, user().stdin("just stdin\n").run().exitCode());
        assertEquals("just stdin\n", sentBody().at("/messages/0/content").asText());
    }

    @Test
    void nothingToAskIsAUsageError() {
        CliRun.Result r = user().stdin("").run();
        assertEquals(2, r.exitCode());
        assertEquals("holysheep-chat: nothing to ask: give a prompt, or pipe text into stdin\n", r.stderr());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void systemPromptModelTemperatureAndMaxTokensAreSent() throws Exception {
        server.enqueue(Sse.stream().content("ok").done().response());
        user().run("-m", "deepseek-v3.2", "-s", "be brief", "--temperature", "0.3", "--max-tokens", "99", "hi");
        JsonNode body = sentBody();
        assertEquals("deepseek-v3.2", body.get("model").asText());
        assertEquals("system", body.at("/messages/0/role").asText());
        assertEquals("be brief", body.at("/messages/0/content").asText());
        assertEquals(0.3, body.get("temperature").asDouble());
        assertEquals(99, body.get("max_tokens").asInt());
    }

    @Test
    void unauthorizedExitsThreeWithTheServersMessage() {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Invalid API key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}").build());
        CliRun.Result r = user().run("x");
        assertEquals(3, r.exitCode());
        assertEquals("", r.stdout());
        assertEquals("holysheep-chat: HTTP 401: Invalid API key\n", r.stderr());
    }

    @Test
    void unknownModelIsARejectedRequestExitFive() {
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"model 'nope' not found\",\"code\":404}}").build());
        CliRun.Result r = user().run("-m", "nope", "x");
        assertEquals(5, r.exitCode());
        assertEquals("holysheep-chat: HTTP 404: model 'nope' not found\n", r.stderr());
    }

    @Test
    void aProxysHtmlPageBecomesOneShortLine() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>").build());
        CliRun.Result r = user().env("HOLYSHEEP_CONFIG", "/nonexistent").run("--max-retries", "0", "x");
        assertEquals("holysheep-chat: HTTP 502: 502 Bad Gateway\n", r.stderr().lines().reduce((a, b) -> b).orElse("") + "\n");
    }

    @Test
    void anErrorInsideTheStreamKeepsThePartialAnswerAndSaysWhy() {
        server.enqueue(Sse.stream().content("partial ").data("{\"error\":{\"message\":\"context length exceeded\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}").response());
        CliRun.Result r = user().run("x");
        assertEquals(5, r.exitCode());
        assertEquals("partial \n", r.stdout());
        assertTrue(r.stderr().endsWith("context length exceeded\n"), r.stderr());
    }

    @Test
    void aNonStreamingJsonAnswerToAStreamedRequestIsStillShown() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"whole answer\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}").build());
        CliRun.Result r = user().run("x");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("whole answer\n", r.stdout());
    }

    @Test
    void noStreamAsksForTheWholeAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"whole\"},\"finish_reason\":\"stop\"}]}").build());
        CliRun.Result r = user().run("--no-stream", "x");
        assertEquals("whole\n", r.stdout());
        assertFalse(sentBody().get("stream").asBoolean());
    }

    @Test
    void jsonFormatWritesOneTypedEventPerLine() throws Exception {
        server.enqueue(Sse.stream().reasoning("reasoning_content", "hm").content("안녕").finish("stop").usage(10, 2).done().response());
        CliRun.Result r = user().env("HOLYSHEEP_CONFIG", pricedConfig()).run("--format", "json", "-m", "deepseek-v3.2", "x");
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals("{\"type\":\"reasoning\",\"text\":\"hm\"}", lines[0]);
        assertEquals("{\"type\":\"delta\",\"text\":\"안녕\"}", lines[1]);
        JsonNode usage = Json.MAPPER.readTree(lines[2]);
        assertEquals("usage", usage.get("type").asText());
        assertEquals(12, usage.get("total_tokens").asInt());
        assertEquals(12 * 0.42 / 1_000_000, usage.get("cost_usd").asDouble(), 1e-12);
        assertEquals("{\"type\":\"done\",\"finish_reason\":\"stop\"}", lines[3]);
        assertEquals(4, lines.length);
    }

    @Test
    void theCostIsAPlainDecimalWithInputAndOutputBilledAtTheirOwnRates() throws Exception {
        Path file = configDir.resolve("rates.toml");
        Files.writeString(file, "[prices.\"m\"]\ninput = 0.28\noutput = 0.42\n");
        server.enqueue(Sse.stream().content("ok").finish("stop").usage(300, 20).done().response());
        CliRun.Result r = user().env("HOLYSHEEP_CONFIG", file.toString()).run("--format", "json", "-m", "m", "x");
        assertEquals(0, r.exitCode(), r.stderr());
        // 300 × 0.28 + 20 × 0.42 = 92.4 millionths of a dollar; as a double it would be 9.240000000000001E-5.
        assertTrue(r.stdout().contains("\"cost_usd\":0.0000924}"), r.stdout());
    }

    @Test
    void jsonFormatEscapesC1ControlsAndNamesUnknownFinishReasonsOther() throws Exception {
        server.enqueue(Sse.stream().content("c1\u0085\u009b2J").finish("eos_token").done().response());
        CliRun.Result r = user().run("--format", "json", "x");
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals("{\"type\":\"delta\",\"text\":\"c1\\u0085\\u009b2J\"}", lines[0]);
        assertEquals("{\"type\":\"done\",\"finish_reason\":\"other\"}", lines[1]);
    }

    @Test
    void bidiOverridesDoNotReachTheTerminal() throws Exception {
        server.enqueue(Sse.stream().content("bidi\u202egnp.exe").done().response());
        CliRun.Result r = user().run("x");
        assertEquals("bidignp.exe\n", r.stdout());
    }

    @Test
    void jsonFormatReportsErrorsAsEventsToo() throws Exception {
        server.enqueue(new MockResponse.Builder().code(403).body("forbidden").build());
        CliRun.Result r = user().run("--format", "json", "x");
        assertEquals(3, r.exitCode());
        JsonNode error = Json.MAPPER.readTree(r.stdout().strip());
        assertEquals("error", error.get("type").asText());
        assertEquals(3, error.get("exit_code").asInt());
    }

    @Test
    void theKeyNeverAppearsInAnyOutput() {
        server.enqueue(new MockResponse.Builder().code(401).body("bad key " + "sk-other").build());
        server.enqueue(Sse.stream().content("fine").done().response());
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"bad key\"}").build());
        String all = user().run("x").all() + user().run("--format", "json", "x").all()
                + user().run("--help").all() + user().run("models").all();
        assertFalse(all.contains(KEY), all);
        assertFalse(all.contains("NEVER-SHOWN"), all);
    }

    @Test
    void aServerThatRefusesConnectionsExitsFour() {
        server.close();
        CliRun.Result r = user().run("--max-retries", "0", "x");
        assertEquals(4, r.exitCode());
        assertEquals("holysheep-chat: connection refused\n", r.stderr());
    }

    @Test
    void modelsListsIdsOnePerLineAndPricesOnATerminal() throws Exception {
        String list = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4.1\",\"object\":\"model\"},{\"id\":\"mystery\",\"object\":\"model\"}]}";
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(list).build());
        CliRun.Result piped = user().run("models");
        assertEquals(0, piped.exitCode(), piped.stderr());
        assertEquals("gpt-4.1\nmystery\n", piped.stdout());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(list).build());
        CliRun.Result terminal = new CliRun().env("HOLYSHEEP_API_KEY", KEY).env("HOLYSHEEP_CONFIG", pricedConfig()).terminalOut()
                .run("models", "--base-url", server.url("/v1").toString());
        assertEquals("gpt-4.1  $8.00 in / $8.00 out per 1M tokens\nmystery\n", terminal.stdout());
    }

    @Test
    void badFlagsAndBadConfigAreUsageErrorsWithoutStackTraces() {
        CliRun.Result typo = user().run("--modle", "x", "hi");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.stderr().contains("Unknown option: '--modle'"), typo.stderr());
        assertTrue(typo.stderr().contains("--model"), typo.stderr());
        CliRun.Result missing = user().run("--config", "/nonexistent/config.toml", "hi");
        assertEquals(2, missing.exitCode());
        assertEquals("holysheep-chat: config /nonexistent/config.toml does not exist\n", missing.stderr());
        assertFalse((typo.all() + missing.all()).contains("\tat "));
    }

    @Test
    void withoutPromptOnATerminalItSaysWhatToDo() {
        CliRun.Result r = user().run();
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().startsWith("holysheep-chat: "), r.stderr());
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
