package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.AssistantRole;
import ai.holysheep.chat.config.ConfigLoader;
import ai.holysheep.chat.config.Settings;
import java.io.PrintStream;
import java.util.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The roles {@code -r} and {@code /role} take. On a terminal: aligned columns with the start of
 * each system prompt; in a pipe: one role a line, tab-separated, the whole prompt on one line.
 */
@Command(name = "roles", mixinStandardHelpOptions = true,
        description = {"List the roles -r/--role and /role take: the built-in ones and the config file's [roles.NAME].",
            "With a NAME, print that role's whole system prompt."})
public final class RolesCommand implements Callable<Integer> {
    private static final int PROMPT_COLUMNS = 60;

    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "A role to show in full.")
    String name;

    @Override
    public Integer call() {
        Io io = root.io();
        // Listing roles must not unlock a password manager for a key it never uses.
        Settings settings = new ConfigLoader(io.env(), io::warn).skippingKeyCommands()
                .load(root.connection.overrides(null, null, null));
        PrintStream out = io.out();
        if (name != null) {
            AssistantRole role = settings.role(name).orElseThrow(() -> new CliException(ExitCode.USAGE,
                    "no role '" + TerminalText.oneLine(name) + "' (known: " + String.join(", ", settings.roles().keySet()) + ")"));
            out.println(TerminalText.sanitize(role.system()));
        } else if (io.stdoutIsTerminal()) {
            table(settings.roles().values(), out);
        } else {
            for (AssistantRole role : settings.roles().values()) {
                out.println(String.join("\t", TerminalText.oneLine(role.name()), source(role),
                        orEmpty(role.model()), role.temperature() == null ? "" : String.valueOf(role.temperature()),
                        TerminalText.oneLine(role.system())));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void table(Collection<AssistantRole> roles, PrintStream out) {
        int nameWidth = "role".length();
        int modelWidth = "model".length();
        for (AssistantRole role : roles) {
            nameWidth = Math.max(nameWidth, TerminalText.width(TerminalText.oneLine(role.name())));
            modelWidth = Math.max(modelWidth, TerminalText.width(TerminalText.oneLine(orEmpty(role.model()))));
        }
        out.println(row(nameWidth, modelWidth, "role", "from", "model", "temp", "system prompt"));
        for (AssistantRole role : roles) {
            out.println(row(nameWidth, modelWidth, TerminalText.oneLine(role.name()), source(role),
                    TerminalText.oneLine(orEmpty(role.model())),
                    role.temperature() == null ? "" : String.valueOf(role.temperature()),
                    TerminalText.fit(TerminalText.oneLine(role.system()), PROMPT_COLUMNS)));
        }
    }

    private static String row(int nameWidth, int modelWidth, String name, String from, String model, String temp,
                              String prompt) {
        return (TerminalText.padRight(name, nameWidth) + "  " + TerminalText.padRight(from, "built-in".length())
                + "  " + TerminalText.padRight(model, modelWidth) + "  " + TerminalText.padRight(temp, 4)
                + "  " + prompt).stripTrailing();
    }

    private static String source(AssistantRole role) {
        return role.builtIn() ? "built-in" : "config";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
