package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.Secret;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.serve.MemberTokens;
import ai.holysheep.chat.serve.RelayServer;
import ai.holysheep.chat.serve.Upstream;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.TeamStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A relay on loopback in front of the simulated gateway, with its database in a temp dir, and
 * the command line pointed at it as a member: what a team member's terminal sees.
 */
final class RoomsRig implements AutoCloseable {
    final SimGateway sim;
    final TeamStore store;
    final RelayServer relay;
    private final GatewayClient upstream;
    private final Path dir;

    RoomsRig(Path dir, SimOptions options) throws IOException {
        this.dir = dir;
        this.sim = SimGateway.start(options);
        RetrySettings retry = new RetrySettings(5, Duration.ofMillis(10), 1.5, Duration.ofMillis(100), 0.2,
                Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(60), ResumeMode.CONTINUE);
        this.upstream = new GatewayClient(GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofMillis(300)).build(),
                sim.baseUrl(), new Secret("sk-rooms-upstream-key-0123456789"));
        this.store = TeamStore.open(dir.resolve("serve.db"), Clock.systemUTC());
        this.relay = RelayServer.start(new Upstream(upstream, retry, Map.of("gpt-4.1", new Price(2, 8)), "gpt-4.1",
                List.of("gpt-4.1", "deepseek-v3.2")), ServeLimits.DEFAULTS.withAddress("127.0.0.1", 0), store,
                Clock.systemUTC(), line -> { });
    }

    String addMember(String name) {
        String token = MemberTokens.newToken();
        store.addMember(name, MemberTokens.hash(token), false);
        return token;
    }

    /** The command line as {@code member}, with the relay's URL exactly as serve prints it. */
    CliRun as(String token) {
        return new CliRun().env("HOLYSHEEP_SERVER_TOKEN", token).env("XDG_DATA_HOME", dir.toString());
    }

    String url() {
        return relay.baseUrl();
    }

    @Override
    public void close() {
        relay.close();
        store.close();
        sim.close();
        upstream.close();
    }
}
