package ai.holysheep.chat.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * The whole command line: the chat's options (inherited, with its name, help text and footer)
 * plus the subcommands. Help, shell completions and the man page are made from this model.
 */
@Command(subcommands = {ModelsCommand.class, ConversationsCommand.class, SimGatewayCommand.class,
    ConfigCommand.class, DoctorCommand.class})
public final class RootCommand extends ChatCommand {
    public RootCommand(Io io) {
        super(io);
    }

    /**
     * The subcommands' names and aliases, each with whether it is listed in help, read from the
     * annotations alone (cheap) rather than from a built model.
     */
    public static Map<String, Boolean> commandNames() {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Class<?> type : RootCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = type.getAnnotation(Command.class);
            names.put(command.name(), !command.hidden());
            for (String alias : command.aliases()) {
                names.put(alias, !command.hidden());
            }
        }
        return names;
    }
}
