package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.Secret;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.serve.RelayServer;
import ai.holysheep.chat.serve.Upstream;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.TeamStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    private CliRun cli() {
        return new CliRun().env("XDG_DATA_HOME", dir.toString()).env("HOME", dir.toString());
    }

    @Test
    void membersAreAddedWithATokenShownOnceListedAndRemoved() throws Exception {
        CliRun.Result added = cli().run("serve", "members", "add", "지민", "--admin");
        assertEquals(0, added.exitCode(), added.all());
        String token = added.stdout().strip();
        assertTrue(token.matches("hsm_[A-Za-z0-9_-]{43}"), "256 bits, and only the token on stdout: " + token);
        Path db = dir.resolve("holysheep-chat/serve.db");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        assertFalse(new String(Files.readAllBytes(db), java.nio.charset.StandardCharsets.ISO_8859_1).contains(token),
                "only a hash is kept");

        CliRun.Result again = cli().run("serve", "members", "add", "지민");
        assertEquals(ExitCode.USAGE, again.exitCode());
        assertTrue(again.stderr().contains("already exists"), again.stderr());

        CliRun.Result list = cli().run("serve", "members", "list");
        assertTrue(list.stdout().startsWith("지민\tadmin\t"), list.stdout());
        assertFalse(list.all().contains(token));

        assertEquals(0, cli().run("serve", "members", "remove", "지민").exitCode());
        assertEquals("", cli().run("serve", "members", "list").stdout());
        CliRun.Result gone = cli().run("serve", "members", "remove", "지민");
        assertEquals(ExitCode.USAGE, gone.exitCode());
        assertEquals(1, gone.stderr().lines().count(), gone.stderr());
    }

    @Test
    void theDatabaseCanBeNamedAndUsageIsReportedAsTextOrJson() {
        Path db = dir.resolve("team/relay.db");
        assertEquals(0, cli().run("serve", "members", "add", "alice", "--db", db.toString()).exitCode());
        assertTrue(Files.exists(db));
        CliRun.Result text = cli().run("serve", "usage", "--db", db.toString());
        assertEquals(0, text.exitCode(), text.all());
        assertTrue(text.stdout().startsWith("member"), text.stdout());
        assertTrue(text.stdout().lines().anyMatch(l -> l.startsWith("total")));
        CliRun.Result json = cli().run("serve", "usage", "--db", db.toString(), "--by", "day", "--format", "json");
        assertEquals(0, json.exitCode(), json.all());
        assertTrue(json.stdout().contains("\"by\":\"day\""), json.stdout());
        CliRun.Result bad = cli().run("serve", "usage", "--db", db.toString(), "--by", "colour");
        assertEquals(ExitCode.USAGE, bad.exitCode());
        assertEquals(1, bad.stderr().lines().count(), bad.stderr());
        CliRun.Result since = cli().run("serve", "usage", "--db", db.toString(), "--since", "yesterday");
        assertEquals(ExitCode.USAGE, since.exitCode());
    }

    @Test
    void aOneShotThroughTheRelayWithAMemberTokenAsItsKeyGetsTheAnswer() throws Exception {
        Path db = dir.resolve("serve.db");
        CliRun.Result added = cli().run("serve", "members", "add", "alice", "--db", db.toString());
        String token = added.stdout().strip();
        String prompt = "릴레이를 거쳐서";
        try (SimGateway sim = SimGateway.start(SimOptions.defaults().unpaced().withFaults("drop@2"))) {
            String direct = cli().env("HOLYSHEEP_API_KEY", "unused").run("--base-url", sim.baseUrl(), prompt).stdout();
            okhttp3.OkHttpClient http = GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
            try (TeamStore store = TeamStore.open(db, Clock.systemUTC());
                 RelayServer relay = RelayServer.start(
                         new Upstream(new GatewayClient(http, sim.baseUrl(), new Secret("sk-upstream")),
                                 RetrySettings.DEFAULTS, Map.of(), "gpt-4.1", java.util.List.of()),
                         ServeLimits.DEFAULTS.withAddress("127.0.0.1", 0), store, Clock.systemUTC(), line -> { })) {
                CliRun.Result relayed = cli().env("HOLYSHEEP_API_KEY", token)
                        .run("--base-url", relay.baseUrl(), prompt);
                assertEquals(0, relayed.exitCode(), relayed.all());
                assertEquals(direct, relayed.stdout(), "the drop upstream is not seen");
                assertFalse(relayed.stderr().contains("retry"), "the client had nothing to retry: " + relayed.stderr());
            }
        }
    }
}
