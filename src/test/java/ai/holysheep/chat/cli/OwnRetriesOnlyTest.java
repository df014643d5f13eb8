package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrying belongs to the turn: OkHttp on its own re-sends a 503 that says {@code Retry-After: 0}
 * and throws on a Retry-After beyond an int. The server here counts what reaches it.
 */
class OwnRetriesOnlyTest {
    MockWebServer server;
    @TempDir
    Path dir;
    PrintStream stderr;
    ByteArrayOutputStream processErr = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        // A stack trace from OkHttp's own threads would go to the process's stderr, not the run's.
        stderr = System.err;
        System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(stderr);
        server.close();
    }

    CliRun user() throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "[retry]\nbase_delay = \"1ms\"\nmax_delay = \"2ms\"\nidle_timeout = \"2s\"\n");
        return new CliRun().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString())
                .env("HOLYSHEEP_CONFIG", config.toString());
    }

    static MockResponse status(int code, String retryAfter) {
        return new MockResponse.Builder().code(code).setHeader("Retry-After", retryAfter)
                .body("{\"error\":{\"message\":\"busy\"}}").build();
    }

    @Test
    void a503AskingForNoWaitIsSentOnceWhenNoRetryIsAllowed() throws Exception {
        server.enqueue(status(503, "0"));
        server.enqueue(status(503, "0"));
        CliRun.Result r = user().run("--max-retries", "0", "x");
        assertEquals(4, r.exitCode(), r.stderr());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void a503AskingForNoWaitIsRetriedByTheTurnAndCountedThere() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(503, "0"));
        }
        CliRun.Result r = user().run("--max-retries", "2", "x");
        assertEquals(4, r.exitCode(), r.stderr());
        assertEquals(3, server.getRequestCount(), "the first try and two retries, no more");
        // The wait the server asked for reached the turn: no wait, where the backoff is 1-2 ms.
        assertEquals(2, r.stderr().lines().filter(l -> l.startsWith("holysheep-chat: retry ") && l.contains(" in 0ms "))
                .count(), r.stderr());
    }

    @Test
    void a408IsSentOnceWhenNoRetryIsAllowed() throws Exception {
        server.enqueue(status(408, "0"));
        server.enqueue(status(408, "0"));
        CliRun.Result r = user().run("--max-retries", "0", "x");
        assertEquals(4, r.exitCode(), r.stderr());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aRetryAfterBeyondAnyNumberIsAWaitTooLongWithOneLineAndNoTrace() throws Exception {
        server.enqueue(status(503, "99999999999999999999999"));
        server.enqueue(status(503, "99999999999999999999999"));
        CliRun.Result r = user().run("x");
        assertEquals(4, r.exitCode(), r.stderr());
        assertEquals(1, server.getRequestCount());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertEquals("holysheep-chat: HTTP 503: busy; the server asks to wait more than a day; try again later\n",
                r.stderr());
        String trace = processErr.toString(StandardCharsets.UTF_8);
        assertFalse(trace.contains("Exception"), trace);
    }

    @Test
    void aRetryAfterThatIsNotANumberOrADateIsIgnoredAndTheTurnBacksOff() throws Exception {
        server.enqueue(status(503, "soon-ish"));
        server.enqueue(status(503, "0x10"));
        CliRun.Result r = user().run("--max-retries", "1", "x");
        assertEquals(4, r.exitCode(), r.stderr());
        assertEquals(2, server.getRequestCount());
        assertTrue(r.stderr().startsWith("holysheep-chat: retry 1/1 in "), r.stderr());
        assertFalse(processErr.toString(StandardCharsets.UTF_8).contains("Exception"));
    }

    @Test
    void theModelListAsksOnceToo() throws Exception {
        server.enqueue(status(503, "0"));
        server.enqueue(status(503, "0"));
        CliRun.Result r = user().run("models");
        assertEquals(1, server.getRequestCount(), r.all());
        server.enqueue(status(503, "99999999999999999999999"));
        CliRun.Result huge = user().run("models");
        assertEquals(1, huge.stderr().lines().count(), huge.stderr());
        assertFalse(huge.stderr().contains("unexpected"), huge.stderr());
        assertFalse(processErr.toString(StandardCharsets.UTF_8).contains("Exception"));
    }
}
