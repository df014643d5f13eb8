package ai.holysheep.chat.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * The whole command line: the chat's options (inherited, with its name, help text and footer)
 * plus the subcommands. Help, shell completions and the man page are made from this model.
 */
@Command(subcommands = {ModelsCommand.class, ConversationsCommand.class, SimGatewayCommand.class,
    ConfigCommand.class, DoctorCommand.class, ServeCommand.class, RolesCommand.class,
    UsageCommand.class, RoomsCommand.class, JoinCommand.class})
public final class RootCommand extends ChatCommand {
    private static final Map<String, Boolean> NAMES =
            names("models", "conversations", "conv", "sim-gateway", "config", "doctor", "serve", "roles", "usage", "rooms", "join");

    public RootCommand(Io io) {
        super(io);
    }

    /**
     * The subcommands' names and aliases, each with whether help lists it. A plain list rather
     * than read from the annotations: a chat run needs it before anything else and reads no
     * annotation at all ({@link ChatCommandSpec}). A test holds it equal to the annotations.
     */
    public static Map<String, Boolean> commandNames() {
        return NAMES;
    }

    private static Map<String, Boolean> names(String... visible) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (String name : visible) {
            names.put(name, true);
        }
        return Collections.unmodifiableMap(names);
    }
}
