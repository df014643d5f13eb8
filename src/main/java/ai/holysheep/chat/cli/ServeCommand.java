package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.ConfigFileReader;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.serve.MemberTokens;
import ai.holysheep.chat.serve.RelayServer;
import ai.holysheep.chat.serve.UsageReport;
import ai.holysheep.chat.serve.Upstream;
import ai.holysheep.chat.store.HistoryLocation;
import ai.holysheep.chat.store.StoreException;
import ai.holysheep.chat.store.TeamMember;
import ai.holysheep.chat.store.TeamStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code holysheep-chat serve}: the team relay. Like {@code sim-gateway}, the base URL goes to
 * stdout alone and the human-readable line to stderr; it serves until SIGINT or SIGTERM.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        subcommands = {ServeCommand.Members.class, ServeCommand.Usage.class},
        description = {"Relay the configured gateway to a team: members get their own tokens, the key stays here,"
                + " and every member's stream is kept whole across upstream failures.",
                "Binds to 127.0.0.1 unless --host says otherwise; put TLS in front with a reverse proxy."})
public final class ServeCommand implements Callable<Integer> {
    /** How long running answers may go on after SIGTERM before they are ended. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @ParentCommand
    RootCommand root;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: [serve] host, else 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 for any free port (default: [serve] port, else 8080).")
    Integer port;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "The relay's database of members and usage (default: $XDG_DATA_HOME/holysheep-chat/serve.db).")
    Path db;

    private final CountDownLatch untilStopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        Io io = root.io();
        if (port != null && (port < 0 || port > 65535)) {
            throw new CliException(ExitCode.USAGE, "--port must be from 0 to 65535");
        }
        Settings configured = root.settings();
        ServeLimits limits = limits(configured).withAddress(host, port);
        TeamStore store = openStore(io);
        try (GatewayChoice gateway = GatewayChoice.open(configured, root.requestLog())) {
            RelayServer server;
            try {
                Settings used = gateway.settings();
                server = RelayServer.start(new Upstream(gateway.client(), used.retry(), used.prices(), used.model(),
                        used.models()), limits, store, Clock.systemUTC(),
                        line -> io.err().println("holysheep-chat: " + line));
            } catch (IOException e) {
                store.close();
                throw new CliException(ExitCode.USAGE, "serve: cannot listen on " + limits.host() + ":" + limits.port()
                        + ": " + e.getMessage());
            }
            Thread hook = new Thread(() -> {
                server.shutdown(SHUTDOWN_GRACE);
                untilStopped.countDown();
            }, "serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            io.err().println("holysheep-chat: relaying " + (gateway.simulated()
                    ? "the built-in SIMULATED gateway (no key or gateway is configured)"
                    : gateway.settings().baseUrl()) + " on " + server.baseUrl() + " (Ctrl-C to stop)");
            io.out().println(server.baseUrl());
            io.out().flush();
            untilStopped.await();
            return ExitCode.OK;
        } catch (IOException e) {
            store.close();
            throw new CliException(ExitCode.UNAVAILABLE, "serve: cannot start the simulated gateway: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
    }

    private static ServeLimits limits(Settings settings) {
        return settings.configFile() == null ? ServeLimits.DEFAULTS : ConfigFileReader.read(settings.configFile()).serve();
    }

    TeamStore openStore(Io io) {
        Path file = db != null ? db : HistoryLocation.defaultTeamDatabase(io.env());
        try {
            return TeamStore.open(file, Clock.systemUTC());
        } catch (StoreException e) {
            throw new CliException(ExitCode.UNEXPECTED, e.getMessage());
        }
    }

    /** {@code serve members add|list|remove}. */
    @Command(name = "members", mixinStandardHelpOptions = true,
            description = "Add, list and remove the relay's members (each has its own token).")
    static final class Members {
        @ParentCommand
        ServeCommand serve;

        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Add a member and print its token, once: only a hash of it is kept.")
        int add(@Parameters(paramLabel = "NAME", description = "The member's name.") String name,
                @Option(names = "--admin", description = "May see every member's usage.") boolean admin) {
            Io io = serve.root.io();
            if (name.isBlank() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new CliException(ExitCode.USAGE, "a member's name must be printable and not empty");
            }
            String token = MemberTokens.newToken();
            try (TeamStore store = serve.openStore(io)) {
                if (!store.addMember(name, MemberTokens.hash(token), admin)) {
                    throw new CliException(ExitCode.USAGE, "a member named '" + name + "' already exists"
                            + " (remove it first to give it a new token)");
                }
            }
            io.out().println(token);
            io.out().flush();
            io.err().println("holysheep-chat: added " + (admin ? "admin " : "") + "member '" + name
                    + "'; its token is shown above, once");
            return ExitCode.OK;
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List the members.")
        int list() {
            Io io = serve.root.io();
            DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
            try (TeamStore store = serve.openStore(io)) {
                for (TeamMember m : store.members()) {
                    io.out().println(m.name() + "\t" + (m.admin() ? "admin" : "member") + "\t" + day.format(m.created()));
                }
            }
            io.out().flush();
            return ExitCode.OK;
        }

        @Command(name = "remove", mixinStandardHelpOptions = true,
                description = "Remove a member; its token stops working at once.")
        int remove(@Parameters(paramLabel = "NAME", description = "The member's name.") String name) {
            Io io = serve.root.io();
            try (TeamStore store = serve.openStore(io)) {
                if (!store.removeMember(name)) {
                    throw new CliException(ExitCode.USAGE, "no member named '" + name + "'");
                }
            }
            io.err().println("holysheep-chat: removed member '" + name + "'");
            return ExitCode.OK;
        }
    }

    /** {@code serve usage}. */
    @Command(name = "usage", mixinStandardHelpOptions = true,
            description = "What the relay spent: requests, tokens and cost, by member, model or day.")
    static final class Usage implements Callable<Integer> {
        @ParentCommand
        ServeCommand serve;

        @Option(names = "--since", paramLabel = "DURATION", defaultValue = "7d",
                description = "How far back, e.g. 24h or 30d (default: ${DEFAULT-VALUE}).")
        String since;

        @Option(names = "--by", paramLabel = "WHAT", defaultValue = "member",
                description = "Group by member, model or day (default: ${DEFAULT-VALUE}).")
        String by;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            Io io = serve.root.io();
            if (!format.equals("text") && !format.equals("json")) {
                throw new CliException(ExitCode.USAGE, "--format must be text or json");
            }
            try (TeamStore store = serve.openStore(io)) {
                UsageReport report;
                try {
                    report = UsageReport.of(store, since, by, null, Clock.systemUTC());
                } catch (IllegalArgumentException e) {
                    throw new CliException(ExitCode.USAGE, e.getMessage());
                }
                if (format.equals("json")) {
                    io.out().println(report.json());
                } else {
                    report.table().forEach(io.out()::println);
                }
            }
            io.out().flush();
            return ExitCode.OK;
        }
    }
}
