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

/** {@code -r NAME} and {@code holysheep-chat roles}: built-in roles, and the config's [roles.NAME]. */
class RolesTest {
    @TempDir
    Path dir;
    SimGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = SimGateway.start(SimOptions.defaults().unpaced());
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

    private JsonNode lastRequest() {
        List<?> all = gateway.requests();
        return gateway.requests().get(all.size() - 1).json();
    }

    private static List<String> messages(JsonNode request) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : request.get("messages")) {
            out.add(m.get("role").asText() + ": " + m.get("content").asText());
        }
        return out;
    }

    @Test
    void theBuiltInShellRoleAsksForOneCommandAndNothingElse() throws Exception {
        CliRun.Result r = cli("").run("--no-save", "-r", "shell", "list files by size");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode sent = lastRequest();
        List<String> messages = messages(sent);
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("system: Answer with exactly one shell command"), messages.get(0));
        assertEquals("user: list files by size", messages.get(1));
        assertEquals(0.0, sent.get("temperature").asDouble());
    }

    @Test
    void theBuiltInCodeRoleAsksForCodeOnly() throws Exception {
        assertEquals(0, cli("").run("--no-save", "--role", "code", "fizzbuzz in python").exitCode());
        assertTrue(messages(lastRequest()).get(0).startsWith("system: Answer with code only"));
    }

    @Test
    void aConfigRoleGivesItsPromptModelAndTemperature() throws Exception {
        CliRun run = cli("""
                [roles.reviewer]
                system = "Review the diff. Be blunt."
                model = "holysheep-sim"
                temperature = 0.3
                """);
        assertEquals(0, run.run("--no-save", "-r", "reviewer", "-m", "other-model", "look").exitCode());
        JsonNode sent = lastRequest();
        assertEquals("system: Review the diff. Be blunt.", messages(sent).get(0));
        // --model says the same thing as the role, and the flag is the more specific word.
        assertEquals("other-model", sent.get("model").asText());
        assertEquals(0.3, sent.get("temperature").asDouble());

        assertEquals(0, run.run("--no-save", "-r", "reviewer", "look").exitCode());
        assertEquals("holysheep-sim", lastRequest().get("model").asText());

        assertEquals(0, run.run("--no-save", "-r", "reviewer", "-s", "Be kind.", "--temperature", "1", "look").exitCode());
        assertEquals("system: Be kind.", messages(lastRequest()).get(0));
        assertEquals(1.0, lastRequest().get("temperature").asDouble());
    }

    @Test
    void aConfigRoleOfTheSameNameReplacesTheBuiltInOne() throws Exception {
        CliRun run = cli("""
                [roles.shell]
                system = "Answer with one fish shell command."
                """);
        assertEquals(0, run.run("--no-save", "-r", "shell", "hi").exitCode());
        assertEquals("system: Answer with one fish shell command.", messages(lastRequest()).get(0));
        assertFalse(lastRequest().has("temperature"), "the config role names no temperature");

        CliRun.Result listed = run.run("roles");
        assertEquals(0, listed.exitCode(), listed.stderr());
        List<String> lines = listed.stdout().lines().toList();
        assertTrue(lines.contains("shell\tconfig\t\t\tAnswer with one fish shell command."), listed.stdout());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("shell\t")).count(), listed.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("code\tbuilt-in\t\t0.2\tAnswer with code only")), listed.stdout());
    }

    @Test
    void rolesOnATerminalAreAlignedColumnsAndOneRoleCanBeShownWhole() throws Exception {
        CliRun run = cli("""
                [roles."한국어"]
                system = "한국어로 답하세요."
                model = "deepseek-v3.2"
                """);
        CliRun.Result table = run.terminalOut().run("roles");
        assertEquals(0, table.exitCode(), table.stderr());
        List<String> lines = table.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("role     from      model          temp  system prompt"), table.stdout());
        assertTrue(lines.contains("한국어   config    deepseek-v3.2        한국어로 답하세요."), table.stdout());

        CliRun.Result one = cli("").run("roles", "explain");
        assertEquals(0, one.exitCode());
        assertTrue(one.stdout().startsWith("Explain what the user gives you"), one.stdout());
    }

    @Test
    void anUnknownRoleIsAUsageErrorNamingTheKnownOnes() throws Exception {
        CliRun.Result r = cli("[roles.mine]\nsystem = \"x\"\n").run("--no-save", "-r", "shel", "hi");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("holysheep-chat: unknown role 'shel' (known: shell, code, explain, mine; see: holysheep-chat roles)\n",
                r.stderr());
        assertEquals(0, gateway.requestCount());

        CliRun.Result shown = cli("").run("roles", "nope");
        assertEquals(ExitCode.USAGE, shown.exitCode());
        assertEquals(1, shown.stderr().lines().count(), shown.stderr());
    }

    @Test
    void aRoleWithoutASystemPromptOrWithAnUnknownKeyIsAConfigError() throws Exception {
        CliRun.Result missing = cli("[roles.empty]\nmodel = \"m\"\n").run("roles");
        assertEquals(ExitCode.USAGE, missing.exitCode());
        assertTrue(missing.stderr().contains("roles.empty.system is needed"), missing.stderr());

        CliRun.Result typo = cli("[roles.x]\nsystem = \"s\"\ntemprature = 1\n").run("roles");
        assertEquals(ExitCode.USAGE, typo.exitCode());
        assertTrue(typo.stderr().contains("unknown key 'roles.x.temprature'"), typo.stderr());

        CliRun.Result hot = cli("[roles.x]\nsystem = \"s\"\ntemperature = 3\n").run("roles");
        assertEquals(ExitCode.USAGE, hot.exitCode());
        assertTrue(hot.stderr().contains("roles.x.temperature must be between 0 and 2"), hot.stderr());
    }
}
