package ai.holysheep.chat;

import ai.holysheep.chat.cli.ChatCommand;
import ai.holysheep.chat.cli.ChatCommandSpec;
import ai.holysheep.chat.cli.CliException;
import ai.holysheep.chat.cli.CommandFactory;
import ai.holysheep.chat.cli.CommandPosition;
import ai.holysheep.chat.cli.CommandTypos;
import ai.holysheep.chat.cli.ExitCode;
import ai.holysheep.chat.cli.Gateways;
import ai.holysheep.chat.cli.Io;
import ai.holysheep.chat.cli.RootCommand;
import ai.holysheep.chat.cli.Version;
import ai.holysheep.chat.config.ConfigException;
import ai.holysheep.chat.config.KeyCommandTimeout;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Bootstraps picocli and maps every way a command can end to one line and an exit status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Io io = Io.system();
        int status = run(args, io);
        io.out().flush();
        System.exit(status);
    }

    public static int run(String[] args, Io io) {
        if (asksOnlyForVersion(args)) {
            // Building picocli's model of every command (annotation reflection over a dozen
            // classes) is most of a --version run's time; the answer needs none of it.
            io.out().println(Version.line());
            return ExitCode.OK;
        }
        Map<String, Boolean> commands = RootCommand.commandNames();
        var typo = CommandTypos.mistyped(commands, args);
        if (typo.isPresent()) {
            io.error(typo.get());
            return ExitCode.USAGE;
        }
        // Most runs name no command word at all: their security providers start loading at once,
        // beside the parsing.
        boolean surelyChat = !CommandPosition.mentionsACommandOrHelp(commands, args);
        if (surelyChat) {
            Gateways.loadSecurityProvidersAhead();
        }
        // A chat run's model is built without reading annotations (ChatCommandSpec): a third of
        // picocli's start-up. Help, completions and the man page use the annotated RootCommand.
        ChatCommand chatCommand = new ChatCommand(io);
        CommandSpec chatSpec = ChatCommandSpec.load(chatCommand)
                .orElseGet(() -> CommandSpec.forAnnotatedObject(chatCommand, new CommandFactory(io)));
        boolean chat = surelyChat || !CommandPosition.namesACommandOrHelp(commands, chatSpec, args);
        if (chat && !surelyChat) {
            Gateways.loadSecurityProvidersAhead();
        }
        Object model = chat ? chatSpec : new RootCommand(io);
        CommandLine cli = new CommandLine(model, new CommandFactory(io));
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setParameterExceptionHandler((ex, argv) -> {
            io.error(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cli.getErr());
            io.err().println("Try 'holysheep-chat --help'.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, command, parsed) -> failed(ex, io));
        return cli.execute(args);
    }

    /** Exactly what picocli's standard {@code -V, --version} option would be asked alone. */
    static boolean asksOnlyForVersion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    private static int failed(Exception ex, Io io) {
        if (ex instanceof CliException e) {
            io.error(e.getMessage());
            return e.exitCode();
        }
        if (ex instanceof ConfigException e) {
            io.error(e.getMessage());
            return e instanceof KeyCommandTimeout ? ExitCode.KEY_COMMAND_TIMEOUT : ExitCode.USAGE;
        }
        if (ex instanceof InterruptedException) {
            return ExitCode.INTERRUPTED;
        }
        io.error("unexpected error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
        if (io.env().containsKey("HOLYSHEEP_DEBUG")) {
            ex.printStackTrace(io.err());
        }
        return ExitCode.UNEXPECTED;
    }
}
