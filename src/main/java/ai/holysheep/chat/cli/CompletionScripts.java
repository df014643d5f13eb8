package ai.holysheep.chat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Generates the bash and zsh completion scripts from the command model at build time
 * ({@code mvn package} runs {@link #main} into {@code target/completions}), so completion can never
 * offer an option that no longer exists or miss a new one.
 *
 * <p>picocli's script completes option names and enumerated values; model names are
 * configuration, not code, so the {@code -m/--model} case is rewritten to ask the installed
 * program ({@code holysheep-chat config models}) at completion time.
 */
public final class CompletionScripts {
    public static final String COMMAND = "holysheep-chat";

    /** What picocli emits for an option whose values it cannot know. */
    private static final String MODEL_CASE_GENERATED = """
                '-m'|'--model')
                  return
                  ;;
            """;

    private static final String MODEL_CASE_DYNAMIC = """
                '-m'|'--model')
                  local IFS=$'\\n'
                  COMPREPLY=( $( compgen -W "$(command holysheep-chat config models 2>/dev/null)" -- "${curr_word}" ) )
                  return 0
                  ;;
            """;

    private CompletionScripts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompletionScripts OUTPUT_DIR");
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        CommandLine model = new CommandLine(new RootCommand(Io.system()), new CommandFactory());
        Files.writeString(dir.resolve(COMMAND + ".bash"), bash(model), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("_" + COMMAND), zsh(model), StandardCharsets.UTF_8);
    }

    public static String bash(CommandLine model) {
        String script = AutoComplete.bash(COMMAND, model);
        if (!script.contains(MODEL_CASE_GENERATED)) {
            // picocli changed its output: fail the build rather than ship a script without model names.
            throw new IllegalStateException("picocli's completion script no longer has the expected --model case");
        }
        return script.replace(MODEL_CASE_GENERATED, MODEL_CASE_DYNAMIC);
    }

    /**
     * A zsh completion function for {@code fpath}: the bash functions run under zsh's
     * {@code bashcompinit}. The file's body is the {@code _holysheep-chat} function's first run:
     * it defines the helpers, replaces itself with a thin caller and completes the current word.
     */
    public static String zsh(CommandLine model) {
        String bash = bash(model);
        int functionsStart = bash.indexOf("\nfunction ");
        int registration = bash.lastIndexOf("\ncomplete -F ");
        if (functionsStart < 0 || registration < functionsStart) {
            throw new IllegalStateException("picocli's completion script no longer has the expected layout");
        }
        String functions = bash.substring(functionsStart, registration);
        return "#compdef " + COMMAND + "\n"
                + "# zsh completion for " + COMMAND + ", generated from its command model.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + "(( $+functions[compopt] )) || compopt() { return 0; }\n"
                + functions + "\n"
                + "_" + COMMAND + "() { _bash_complete -F _complete_" + COMMAND + " -o default; }\n"
                + "_" + COMMAND + " \"$@\"\n";
    }
}
