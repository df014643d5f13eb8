package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -e/--editor}: the message is written in $VISUAL or $EDITOR; an editor that fails or leaves it empty sends nothing. */
class EditorOptionTest {
    @TempDir
    Path dir;
    SimGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = SimGateway.start(SimOptions.defaults().unpaced().withAnswerTokens(5));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private CliRun cli() {
        return new CliRun().env("HOLYSHEEP_BASE_URL", gateway.baseUrl());
    }

    private String sentQuestion() {
        JsonNode messages = gateway.requests().get(0).json().get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }

    @Test
    void whatTheEditorWritesIsSent() throws Exception {
        CliRun.Result r = cli().env("EDITOR", "sh -c 'printf \"hello\\n\" > \"$1\"' sh").run("--no-save", "-e");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("hello", sentQuestion(), "the editor's closing newline is not part of the message");
    }

    @Test
    void theEditorOpensWithThePromptAndPipedTextAndVisualComesFirst() throws Exception {
        Path seen = dir.resolve("seen");
        CliRun.Result r = cli()
                .env("EDITOR", "false")
                .env("VISUAL", "sh -c 'cp \"$1\" " + seen + "; printf \"edited\" >> \"$1\"' sh")
                .stdin("piped text")
                .run("--no-save", "--editor", "explain", "this");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("explain this\n\npiped text", Files.readString(seen));
        assertEquals("explain this\n\npiped textedited", sentQuestion());
    }

    @Test
    void anEditorThatExitsNonZeroSendsNothing() throws Exception {
        CliRun.Result r = cli().env("EDITOR", "sh -c 'printf hello > \"$1\"; exit 3' sh").run("--no-save", "-e");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertTrue(r.stderr().contains("exited with status 3; nothing was sent"), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(gateway.requests().isEmpty());
    }

    @Test
    void anEmptyFileSendsNothing() throws Exception {
        CliRun.Result r = cli().env("EDITOR", "sh -c 'printf \"  \\n\" > \"$1\"' sh").run("--no-save", "-e", "draft");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("holysheep-chat: the editor left the message empty; nothing was sent\n", r.stderr());
        assertTrue(gateway.requests().isEmpty());
    }
}
