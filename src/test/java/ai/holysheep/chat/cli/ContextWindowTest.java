package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request never exceeds the model's context window: the oldest turns leave with a note, and a
 * question that alone does not fit is refused before anything is sent.
 */
class ContextWindowTest {
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

    private CliRun cli(String toml) throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, toml);
        return new CliRun().env("HOLYSHEEP_BASE_URL", gateway.baseUrl()).env("HOLYSHEEP_CONFIG", config.toString());
    }

    /** A question of about {@code tokens} tokens by the client's estimate (four bytes each). */
    private static String question(char c, int tokens) {
        return String.valueOf(c).repeat(tokens * 4);
    }

    private List<String> sentQuestions() {
        JsonNode last = gateway.requests().get(gateway.requests().size() - 1).json();
        List<String> out = new ArrayList<>();
        for (JsonNode m : last.get("messages")) {
            if (m.get("role").asText().equals("user")) {
                out.add(m.get("content").asText().substring(0, 1));
            }
        }
        return out;
    }

    @Test
    void aQuestionLongerThanTheConfiguredWindowIsRefusedWithExit5AndNothingSent() throws Exception {
        CliRun.Result r = cli("""
                [context_windows]
                "holysheep-sim" = 1000
                """).run("--no-save", "-m", "holysheep-sim", question('a', 900));
        assertEquals(ExitCode.REJECTED, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("holysheep-chat: the message is about 900 tokens, but holysheep-sim's context window of 1,000 tokens"),
                r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertEquals("", r.stdout());
        assertTrue(gateway.requests().isEmpty(), "nothing is sent");
    }

    @Test
    void continuingLeavesOutTheOldestTurnsWithANoteAndKeepsTheLatest() throws Exception {
        CliRun run = cli("""
                [context_windows]
                "holysheep-sim" = 700
                """);
        assertEquals(0, run.run("-m", "holysheep-sim", question('a', 300)).exitCode());
        CliRun.Result second = run.run("-c", question('b', 300));
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals(List.of("b"), sentQuestions(), "a quarter of 700 is kept for the reply");
        assertEquals("holysheep-chat: 1 earlier turn left out to fit holysheep-sim's context window\n", second.stderr());

        CliRun.Result third = run.run("-c", "--max-tokens", "10", question('c', 200));
        assertEquals(0, third.exitCode(), third.stderr());
        assertEquals(List.of("b", "c"), sentQuestions(), "the saved conversation still holds every turn");
        assertTrue(third.stderr().contains("1 earlier turn left out"), third.stderr());
    }

    @Test
    void aConversationThatFitsGoesWholeWithoutANote() throws Exception {
        CliRun run = cli("");
        assertEquals(0, run.run("-m", "holysheep-sim", "hello").exitCode());
        CliRun.Result r = run.run("-c", "and again");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        assertEquals(List.of("h", "a"), sentQuestions());
    }

    @Test
    void theWindowTheGatewayStatesWinsOverTheConfiguredOne() throws Exception {
        // 3,000 tokens: over the configured 2,500, within the 8,192 the simulator's /models states.
        CliRun.Result r = cli("""
                [context_windows]
                "holysheep-sim" = 2500
                """).run("--no-save", "-m", "holysheep-sim", question('a', 3000));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(1, gateway.requests().size());
    }

    @Test
    void theGatewaysWindowRefusesWhatItCannotHold() throws Exception {
        CliRun.Result r = cli("").run("--no-save", "-m", "holysheep-sim", question('a', 9000));
        assertEquals(ExitCode.REJECTED, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("context window of 8,192 tokens"), r.stderr());
        assertTrue(gateway.requests().isEmpty());
    }

    @Test
    void theHolySheepModelsHaveTheirMakersWindowsBuiltIn() throws Exception {
        // deepseek-v3.2 holds 128,000 tokens; the simulator's /models states nothing for it.
        CliRun.Result r = cli("").run("--no-save", "-m", "deepseek-v3.2", question('a', 130_000));
        assertEquals(ExitCode.REJECTED, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("deepseek-v3.2's context window of 128,000 tokens"), r.stderr());
    }

    @Test
    void aContextWindowMustBeAWholeNumberOfTokens() throws Exception {
        CliRun.Result r = cli("""
                [context_windows]
                "holysheep-sim" = "big"
                """).run("--no-save", "hi");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("context_windows.holysheep-sim must be a whole number of tokens"), r.stderr());
        assertFalse(r.stderr().contains("Exception"));
    }
}
