package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Sse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Only the first argument that is not an option may name a command; the rest is the prompt. */
class CommandPositionTest {
    private static String asked(MockWebServer server, String... args) throws Exception {
        server.enqueue(Sse.stream().content("ok").finish("stop").done().response());
        CliRun.Result r = new CliRun().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString()).stdin("").run(args);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("ok\n", r.stdout());
        RecordedRequest request = server.takeRequest();
        assertEquals("/v1/chat/completions", request.getUrl().encodedPath());
        return request.getBody().utf8();
    }

    @Test
    void commandWordsAfterThePromptsFirstWordArePartOfThePrompt() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            assertTrue(asked(server, "what", "are", "good", "models").contains("what are good models"));
            assertTrue(asked(server, "explain", "the", "doctor", "command").contains("explain the doctor command"));
            assertTrue(asked(server, "--max-retries", "1", "why", "config", "files").contains("why config files"));
            assertTrue(asked(server, "hi", "--temperature", "0.5", "models").contains("hi models"));
        }
    }

    @Test
    void aCommandWordFirstOrAfterOptionsStillRunsTheCommand() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder()
                    .body("{\"object\":\"list\",\"data\":[{\"id\":\"m-one\",\"object\":\"model\"}]}").build());
            server.enqueue(new MockResponse.Builder()
                    .body("{\"object\":\"list\",\"data\":[{\"id\":\"m-two\",\"object\":\"model\"}]}").build());
            CliRun user = new CliRun().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString());
            CliRun.Result first = user.run("models");
            assertEquals(0, first.exitCode(), first.stderr());
            assertTrue(first.stdout().contains("m-one"), first.stdout());
            CliRun.Result afterOption = user.run("--max-retries", "1", "models");
            assertEquals(0, afterOption.exitCode(), afterOption.stderr());
            assertTrue(afterOption.stdout().contains("m-two"), afterOption.stdout());
            assertEquals("/v1/models", server.takeRequest().getUrl().encodedPath());
        }
    }
}
