package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Sse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** An error that blames the request is a rejection (exit 5) wherever it arrives, and is asked once. */
class ErrorInA200Test {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String INVALID = "{\"error\":{\"type\":\"invalid_request_error\","
            + "\"message\":\"messages: field required\",\"param\":null,\"code\":null}}";

    CliRun user() {
        return new CliRun().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString()).env("HOLYSHEEP_API_KEY", "sk-test-1");
    }

    private MockResponse jsonBody(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aJsonErrorBodyWithStatus200IsARejection() {
        server.enqueue(jsonBody(INVALID));
        CliRun.Result r = user().run("--max-retries", "3", "hi");
        assertEquals(5, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("messages: field required"), r.stderr());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void theSameWithoutStreaming() {
        server.enqueue(jsonBody(INVALID));
        CliRun.Result r = user().run("--no-stream", "hi");
        assertEquals(5, r.exitCode(), r.stderr());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anErrorEventThatBlamesTheRequestIsARejection() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body("data: " + INVALID + "\n\n").build());
        CliRun.Result r = user().run("hi");
        assertEquals(5, r.exitCode(), r.stderr());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aRefusedKeyInA200BodyIsExit3() {
        server.enqueue(jsonBody("{\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"));
        CliRun.Result r = user().run("--max-retries", "3", "hi");
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aServerErrorInA200BodyIsStillRetried() {
        server.enqueue(jsonBody("{\"error\":{\"type\":\"server_error\",\"message\":\"overloaded\"}}"));
        server.enqueue(Sse.stream().content("fine").finish("stop").done().response());
        CliRun.Result r = user().run("--max-retries", "3", "hi");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("fine\n", r.stdout());
    }
}
