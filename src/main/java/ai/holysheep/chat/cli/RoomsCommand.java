package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.ConfigFileReader;
import ai.holysheep.chat.config.ConfigLoader;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.ServerSettings;
import ai.holysheep.chat.rooms.Message;
import ai.holysheep.chat.rooms.Room;
import ai.holysheep.chat.rooms.RoomsClient;
import ai.holysheep.chat.rooms.RoomsException;
import ai.holysheep.chat.stream.Scheduler;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code holysheep-chat rooms}: a team's shared conversations on the relay (docs/rooms.md), from
 * the command line and scripts. Listing, reading and exporting use the relay's REST routes;
 * {@code say} posts over the room's WebSocket, so it is posted exactly once however the link
 * behaves.
 */
@Command(name = "rooms", mixinStandardHelpOptions = true,
        subcommands = {RoomsCommand.Create.class, RoomsCommand.Show.class, RoomsCommand.Export.class,
            RoomsCommand.Say.class},
        description = {"List the rooms on the team relay (holysheep-chat serve); the subcommands create, read,"
                + " export and post to one.",
                "The relay and the member token come from --server and the config's [server] table;"
                + " the token also from $HOLYSHEEP_SERVER_TOKEN."})
public final class RoomsCommand implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    RootCommand root;

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The relay's URL, as `serve` prints it (default: [server] url in the config).")
    String server;

    @Override
    public Integer call() {
        return withClient(client -> {
            List<Room> rooms = client.rooms();
            Io io = root.io();
            if (rooms.isEmpty()) {
                io.error("no rooms yet; make one with `holysheep-chat rooms create NAME`");
                return ExitCode.OK;
            }
            int nameWidth = Math.max(4, rooms.stream().mapToInt(r -> r.name().length()).max().orElse(0));
            io.out().println(TerminalText.padRight("NAME", nameWidth) + "  MESSAGES  CREATED");
            for (Room r : rooms) {
                io.out().println(TerminalText.padRight(r.name(), nameWidth) + "  "
                        + TerminalText.padLeft(Long.toString(r.lastSeq()), 8) + "  "
                        + LOCAL_TIME.format(r.created().atZone(ZoneId.systemDefault())));
            }
            io.out().flush();
            return ExitCode.OK;
        });
    }

    /**
     * Runs {@code body} with a client for the configured relay; a rooms failure becomes its one
     * line and exit status, as the one-shot chat's do.
     */
    int withClient(Function<RoomsClient, Integer> body) {
        return withClient(root, server, body);
    }

    /** {@link #withClient(Function)} for any command that reaches the relay ({@code join} too). */
    static int withClient(RootCommand root, String server, Function<RoomsClient, Integer> body) {
        ServerSettings settings = new ConfigLoader(root.io().env(), root.io()::warn).server(root.connection.config, server);
        try (RoomsClient client = new RoomsClient(settings, retry(root).connectTimeout())) {
            return body.apply(client);
        } catch (RoomsException e) {
            throw new CliException(exitCode(e.kind()), e.getMessage());
        }
    }

    /**
     * The [retry] settings and flags: the relay link is retried with the same backoff as a turn.
     * Read from the file alone, so that an api_key_cmd is not run for a key rooms never use.
     */
    RetrySettings retry() {
        return retry(root);
    }

    static RetrySettings retry(RootCommand root) {
        ConfigLoader loader = new ConfigLoader(root.io().env());
        return root.retry.overrides().applyTo(ConfigFileReader.read(loader.locate(root.connection.config)).retry());
    }

    static int exitCode(RoomsException.Kind kind) {
        return switch (kind) {
            case AUTH -> ExitCode.AUTH;
            case NOT_FOUND, REJECTED -> ExitCode.REJECTED;
            case UNAVAILABLE -> ExitCode.UNAVAILABLE;
        };
    }

    /** A bad name is the user's typo: said before anything goes over the network. */
    static void checkName(String name) {
        try {
            RoomsClient.checkName(name);
        } catch (RoomsException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a room.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        RoomsCommand rooms;

        @Parameters(paramLabel = "NAME", description = "1 to 40 characters from a-z, 0-9 and -.")
        String name;

        @Override
        public Integer call() {
            checkName(name);
            return rooms.withClient(client -> {
                Room created = client.create(name);
                rooms.root.io().error("created room '" + created.name() + "' on " + client.url());
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a room's messages with their authors, times and status.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        RoomsCommand rooms;

        @Parameters(paramLabel = "NAME", description = "The room.")
        String name;

        @Override
        public Integer call() {
            checkName(name);
            return rooms.withClient(client -> {
                Io io = rooms.root.io();
                Room room = client.room(name);
                List<Message> messages = client.messages(name, 0);
                if (messages.isEmpty()) {
                    io.error("room '" + name + "' has no messages yet");
                }
                RoomTranscript.show(messages).forEach(io.out()::println);
                io.out().flush();
                if (!room.present().isEmpty()) {
                    io.error("here now: " + TerminalText.oneLine(String.join(", ", room.present())));
                }
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a room's messages as markdown or JSON, for keeping or for scripts.")
    static final class Export implements Callable<Integer> {
        enum Format { markdown, json }

        @ParentCommand
        RoomsCommand rooms;

        @Parameters(paramLabel = "NAME", description = "The room.")
        String name;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
                description = "markdown or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            checkName(name);
            return rooms.withClient(client -> {
                List<Message> messages = client.messages(name, 0);
                Io io = rooms.root.io();
                io.out().print(format == Format.json ? RoomTranscript.json(name, messages) + "\n"
                        : RoomTranscript.markdown(name, messages));
                io.out().flush();
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "say", mixinStandardHelpOptions = true,
            description = {"Post one message to a room; ends once the relay has it (exit 0).",
                "With --wait and a message addressed to the model (@ai …, or @MODEL …), prints the model's"
                + " answer as it streams and exits as a one-shot chat does. --model picks the model @ai asks"
                + " (default: the relay's); one the relay does not have is refused and nothing is posted."})
    static final class Say implements Callable<Integer> {
        @ParentCommand
        RoomsCommand rooms;

        @Parameters(index = "0", paramLabel = "NAME", description = "The room.")
        String name;

        @Parameters(index = "1", paramLabel = "TEXT", description = "The message; start it with @ai to ask the model.")
        String text;

        @Option(names = "--wait", description = "Wait for the model's answer and print it to stdout.")
        boolean wait;

        @Override
        public Integer call() throws InterruptedException {
            checkName(name);
            if (text.isBlank()) {
                throw new CliException(ExitCode.USAGE, "an empty message says nothing");
            }
            if (wait && !text.startsWith("@")) {
                throw new CliException(ExitCode.USAGE, "--wait waits for the model's answer: address it,"
                        + " e.g. \"@ai " + TerminalText.oneLine(TerminalText.fit(text, 30)) + "\"");
            }
            // The global --model: here the model @ai asks instead of the relay's default.
            String model = rooms.root.connection.model;
            if (model != null && !text.split("\\s", 2)[0].equals("@ai")) {
                throw new CliException(ExitCode.USAGE, "--model picks the model @ai asks: start the message with @ai");
            }
            Io io = rooms.root.io();
            RetrySettings retry = rooms.retry();
            try {
                return rooms.withClient(client -> {
                    try {
                        TurnOutput answer = wait ? new TextOutput(io, () -> AnswerStyle.printer(io, false,
                                AnswerStyle.Choice.auto), AnswerStyle.colour(AnswerStyle.Choice.auto,
                                io.stderrIsTerminal(), io.env())) : null;
                        return new RoomSay(client, retry, Scheduler.system()).run(name, text, model, io, answer);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return ExitCode.INTERRUPTED;
                    }
                });
            } finally {
                io.out().flush();
            }
        }
    }
}
