package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor}, as a user sees it: one ✓/✗ line per check, a fix under each ✗. */
class DoctorCommandTest {
    static final String KEY = "sk-test-NEVER-SHOWN-7f3a9c3f";

    @TempDir
    Path home;

    CliRun user() {
        return new CliRun().env("HOME", home.toString()).env("XDG_CONFIG_HOME", home.resolve("cfg").toString())
                .env("LANG", "C.UTF-8");
    }

    @Test
    void allPassAgainstTheSimulatedGateway() throws Exception {
        try (SimGateway gateway = SimGateway.start(SimOptions.defaults().unpaced())) {
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", gateway.baseUrl()).env("HOLYSHEEP_API_KEY", KEY)
                    .env("HOLYSHEEP_MODEL", SimGateway.SIM_MODEL).run("doctor");
            assertEquals(0, r.exitCode(), r.all());
            String out = r.stdout();
            assertTrue(out.contains("✓ config: no file at "), out);
            assertTrue(out.contains("✓ API key sk-…9c3f (from environment, HOLYSHEEP_API_KEY)"), out);
            assertTrue(Pattern.compile("✓ gateway http://127\\.0\\.0\\.1:\\d+/v1 answers /models \\(\\d+ models, \\d+ ms\\)")
                    .matcher(out).find(), out);
            assertTrue(Pattern.compile("✓ first streamed token from holysheep-sim after \\d+ ms").matcher(out).find(), out);
            assertTrue(out.contains("✓ UTF-8 locale (LANG=C.UTF-8)"), out);
            assertFalse(out.contains("✗"), out);
            assertFalse(r.all().contains(KEY));
        }
    }

    @Test
    void aRefusedKeyIsToldApartFromANetworkFailure() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"Invalid API key\",\"type\":\"invalid_request_error\"}}").build());
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString())
                    .env("HOLYSHEEP_API_KEY", KEY).run("doctor");
            assertEquals(3, r.exitCode(), r.all());
            assertTrue(r.stdout().contains("✗ gateway " + server.url("/v1") + " refused the key (HTTP 401)\n"
                    + "    fix: check the key: `holysheep-chat config show`"), r.stdout());
            assertTrue(r.stdout().contains("- first token: not measured"), r.stdout());
        }

        MockWebServer closed = new MockWebServer();
        closed.start();
        String url = closed.url("/v1").toString();
        closed.close();
        CliRun.Result down = user().env("HOLYSHEEP_BASE_URL", url).env("HOLYSHEEP_API_KEY", KEY).run("doctor");
        assertEquals(4, down.exitCode(), down.all());
        assertTrue(down.stdout().contains("✗ cannot reach " + url + ": connection refused\n    fix: check the address"),
                down.stdout());
    }

    @Test
    void aKeyRefusedOnlyByChatIsStillARefusedKey() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                    .body("{\"object\":\"list\",\"data\":[{\"id\":\"holysheep-sim\"}]}").build());
            server.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"key disabled\"}}").build());
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString())
                    .env("HOLYSHEEP_MODEL", "holysheep-sim").env("HOLYSHEEP_API_KEY", KEY).run("doctor");
            assertEquals(3, r.exitCode(), r.all());
            assertTrue(r.stdout().contains("refused the key (HTTP 403)\n    fix: check the key"), r.stdout());
            assertFalse(r.stdout().contains("try another model"), r.stdout());
        }
    }

    @Test
    void noKeyForHolySheepAndABrokenConfigEachGetAFix() throws Exception {
        CliRun.Result noKey = user().run("doctor");
        assertEquals(2, noKey.exitCode(), noKey.all());
        assertTrue(noKey.stdout().contains("✗ no API key found for https://api.holysheep.ai/v1\n"
                + "    fix: export HOLYSHEEP_API_KEY=sk-..."), noKey.stdout());
        assertTrue(noKey.stdout().contains("- gateway and first token: not checked"), noKey.stdout());

        Path config = home.resolve("cfg/holysheep-chat/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "modle = \"x\"\n");
        CliRun.Result broken = user().run("doctor");
        assertEquals(2, broken.exitCode());
        assertTrue(broken.stdout().contains("✗ config " + config + ": unknown key 'modle'\n    fix: "), broken.stdout());
    }

    @Test
    void terminalProblemsFailWithTheirFixes() throws Exception {
        try (SimGateway gateway = SimGateway.start(SimOptions.defaults().unpaced())) {
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", gateway.baseUrl())
                    .env("HOLYSHEEP_MODEL", SimGateway.SIM_MODEL)
                    .env("LANG", "POSIX").env("TERM", "dumb").terminalOut().run("doctor");
            assertEquals(1, r.exitCode(), r.all());
            assertTrue(r.stdout().contains("✗ the locale is not UTF-8 (LANG=POSIX)"), r.stdout());
            assertTrue(r.stdout().contains("    fix: export LANG=C.UTF-8"), r.stdout());
            assertTrue(r.stdout().contains("✗ TERM is dumb"), r.stdout());
            assertTrue(r.stdout().contains("✓ no API key configured for " + gateway.baseUrl()), r.stdout());
        }
        CliRun.Result colourful = user().env("TERM", "xterm-256color").env("COLORTERM", "truecolor")
                .env("HOLYSHEEP_BASE_URL", "http://127.0.0.1:9/v1").terminalOut().run("doctor");
        assertTrue(colourful.stdout().contains("✓ terminal xterm-256color with 24-bit colour"), colourful.stdout());
    }
}
