package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Sse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --code}: only the answer's code blocks on stdout, plain, for a file or a shell. */
class CodeOutputTest {
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

    CliRun user() {
        return new CliRun().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString());
    }

    @Test
    void onlyTheCodeBlocksArePrintedOneBlankLineApartEvenOnATerminal() {
        // Split mid-fence, as a stream splits it.
        server.enqueue(Sse.stream().role().content("Run this:\n\n``").content("`sh\nls -l\n```\n\nand **then**:\n\n")
                .content("```\necho \u001b[31mdone\n```\nGood luck.").finish("stop").done().response());
        CliRun.Result r = user().terminalOut().run("--no-save", "--code", "how?");
        assertEquals(0, r.exitCode(), r.stderr());
        // An escape sequence from the network never reaches the terminal.
        assertEquals("ls -l\n\necho done\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void anAnswerWithoutCodePrintsNothingAndSaysSoOnStderr() {
        server.enqueue(Sse.stream().role().content("I cannot do that.").finish("stop").done().response());
        CliRun.Result r = user().run("--code", "how?");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stdout());
        assertEquals("holysheep-chat: warning: the answer held no code block, so --code printed nothing"
                + " (holysheep-chat conversations show reads it)\n", r.stderr());
    }

    @Test
    void theWholeAnswerAtOnceToo() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Here:\\n```py\\nprint(1)\\n```\"},"
                        + "\"finish_reason\":\"stop\"}]}").build());
        CliRun.Result r = user().run("--no-save", "--code", "--no-stream", "py");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("print(1)\n", r.stdout());
    }

    @Test
    void codeWithJsonIsAUsageError() {
        CliRun.Result r = user().run("--code", "--format", "json", "hi");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("holysheep-chat: --code prints plain code; it cannot be used with --format json\n", r.stderr());
        assertEquals(0, server.getRequestCount());
    }
}
