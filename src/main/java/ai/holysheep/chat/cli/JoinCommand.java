package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.rooms.RoomConnection;
import ai.holysheep.chat.stream.Scheduler;
import ai.holysheep.chat.tui.FullScreen;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code holysheep-chat join NAME}: the full-screen chat in a room on the team relay, staying
 * there (and reconnecting) until the user leaves. The room is looked up first, so a wrong name,
 * token or URL is one line on stderr before the screen opens.
 */
@Command(name = "join", mixinStandardHelpOptions = true,
        description = {"Open the full-screen chat in a room on the team relay (holysheep-chat serve):"
                + " the room's messages, the model's answers as they stream, who is here.",
            "Start a message with @ai to ask the model; F2 (or --model at the start) picks which of the relay's"
                + " models it asks. The relay and the member token come from --server"
                + " and the config's [server] table; the token also from $HOLYSHEEP_SERVER_TOKEN."})
public final class JoinCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "NAME", description = "The room.")
    String name;

    @Option(names = "--server", paramLabel = "URL",
            description = "The relay's URL, as `serve` prints it (default: [server] url in the config).")
    String server;

    @Override
    public Integer call() {
        RoomsCommand.checkName(name);
        Io io = root.io();
        // Checked before lanterna starts, as for the chat: without a terminal it waits and reads a pipe.
        if (!io.stdinIsTerminal() || !io.stdoutIsTerminal()) {
            throw new CliException(ExitCode.USAGE, "join needs a terminal; to post from a script: holysheep-chat rooms say "
                    + name + " \"text\"");
        }
        RetrySettings retry = RoomsCommand.retry(root);
        return RoomsCommand.withClient(root, server, client -> {
            client.room(name);
            try {
                FullScreen.join(name, listener -> new RoomConnection(client, name, 0, retry, Scheduler.system(),
                        new SplittableRandom(), listener), client::models, root.connection.model);
            } catch (IOException e) {
                throw new CliException(ExitCode.UNEXPECTED, "the terminal failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.INTERRUPTED;
            }
            return ExitCode.OK;
        });
    }
}
