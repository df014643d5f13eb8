package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.fail;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.Secret;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.config.ServerSettings;
import ai.holysheep.chat.rooms.RoomConnection;
import ai.holysheep.chat.rooms.RoomsClient;
import ai.holysheep.chat.serve.MemberTokens;
import ai.holysheep.chat.serve.RelayServer;
import ai.holysheep.chat.serve.Upstream;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.TeamStore;
import ai.holysheep.chat.stream.Scheduler;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A relay on loopback in front of the simulated gateway, and members' room screens on headless
 * terminals, each with its own connection, stepped by the test like people at their keyboards.
 */
final class RoomRig implements AutoCloseable {
    final SimGateway sim;
    /** The relay closes its database when it stops; a restart opens the same file again. */
    private TeamStore store;
    private final Path db;
    private final Upstream upstream;
    private final GatewayClient gateway;
    private RelayServer relay;
    private int port;
    private final List<Member> members = new ArrayList<>();
    /** Where the screens list the relay's models: off the thread that steps them, as in {@code join}. */
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    RoomRig(Path dir, SimOptions options) throws IOException {
        sim = SimGateway.start(options);
        RetrySettings retry = new RetrySettings(5, Duration.ofMillis(10), 1.5, Duration.ofMillis(100), 0.2,
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60), ResumeMode.CONTINUE);
        gateway = new GatewayClient(GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofSeconds(5)).build(),
                sim.baseUrl(), new Secret("sk-rooms-upstream-key-0123456789"));
        upstream = new Upstream(gateway, retry, Map.of("gpt-4.1", new Price(2, 8)), "gpt-4.1", List.of("gpt-4.1"));
        db = dir.resolve("serve.db");
        store = TeamStore.open(db, Clock.systemUTC());
        store.createRoom("team");
        startRelay();
    }

    /** (Again) on the same port, so the members' connections can find it after a restart. */
    void startRelay() throws IOException {
        relay = RelayServer.start(upstream, ServeLimits.DEFAULTS.withAddress("127.0.0.1", port), store,
                Clock.systemUTC(), line -> { });
        port = Integer.parseInt(relay.baseUrl().replaceAll(".*:(\\d+)/v1$", "$1"));
    }

    void stopRelay() {
        relay.close();
        store = TeamStore.open(db, Clock.systemUTC());
    }

    /** A member at a terminal 80×24 in room {@code team}, on the given link settings and scheduler. */
    Member join(String name, RetrySettings retry, Scheduler scheduler, Clock clock) throws Exception {
        String token = MemberTokens.newToken();
        store.addMember(name, MemberTokens.hash(token), false);
        Member m = new Member(new RoomsClient(new ServerSettings(relay.baseUrl().replaceFirst("/v1$", ""), new Secret(token)), Duration.ofSeconds(5)),
                retry, scheduler, clock);
        members.add(m);
        return m;
    }

    Member join(String name) throws Exception {
        return join(name, new RetrySettings(8, Duration.ofMillis(10), 1.5, Duration.ofMillis(100), 0.2,
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60), ResumeMode.CONTINUE),
                Scheduler.system(), Clock.systemUTC());
    }

    /** Steps every member's screen until {@code condition} holds, failing after a generous deadline. */
    void until(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            for (Member m : members) {
                m.ui.step(Duration.ofMillis(5));
            }
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder screens = new StringBuilder();
                members.forEach(m -> screens.append(m.text()).append("\n----\n"));
                fail("timed out waiting for " + what + "; screens:\n" + screens);
            }
        }
    }

    final class Member {
        final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        final TerminalScreen screen;
        final RoomsClient client;
        final RoomScreen ui;

        private Member(RoomsClient client, RetrySettings retry, Scheduler scheduler, Clock clock) throws Exception {
            this.client = client;
            screen = new WidthSafeScreen(terminal);
            screen.startScreen();
            ui = new RoomScreen(screen, "team", clock, Duration.ZERO, listener -> new RoomConnection(client, "team", 0,
                    retry, scheduler, new SplittableRandom(7), listener), client::models, background);
            ui.step(Duration.ZERO);
            ui.start();
        }

        void press(KeyStroke key) throws Exception {
            terminal.addInput(key);
            ui.step(Duration.ZERO);
        }

        void type(String text) throws Exception {
            for (char c : text.toCharArray()) {
                terminal.addInput(new KeyStroke(c, false, false));
            }
            ui.step(Duration.ZERO);
        }

        void send(String text) throws Exception {
            for (char c : text.toCharArray()) {
                terminal.addInput(new KeyStroke(c, false, false));
            }
            terminal.addInput(new KeyStroke(KeyType.Enter));
            ui.step(Duration.ZERO);
        }

        String text() {
            return String.join("\n", ScreenRig.rows(terminal));
        }

        String statusLine() {
            List<String> rows = ScreenRig.rows(terminal);
            return rows.get(rows.size() - 1);
        }

        boolean shows(String fragment) {
            return text().contains(fragment);
        }

        boolean screenHas(Predicate<String> p) {
            return p.test(text());
        }
    }

    @Override
    public void close() throws Exception {
        for (Member m : members) {
            m.ui.close();
            m.screen.stopScreen();
            m.client.close();
        }
        background.shutdownNow();
        relay.close();
        store.close();
        sim.close();
        gateway.close();
    }
}
