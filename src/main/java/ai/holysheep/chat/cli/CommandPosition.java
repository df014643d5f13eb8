package ai.holysheep.chat.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where a subcommand may be named: the first argument that is neither an option nor an option's
 * value. A prompt is any words, so a command word later on ("what are good models", "explain the
 * doctor command") is part of the prompt, never a command.
 */
public final class CommandPosition {
    private CommandPosition() {
    }

    /** Whether any argument is a command word or asks for help: a check that needs no model. */
    public static boolean mentionsACommandOrHelp(Map<String, Boolean> commands, String[] args) {
        for (String arg : args) {
            if (commands.containsKey(arg) || arg.equals("-h") || arg.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the run names a subcommand, or asks for help before any prompt word (the help that
     * lists the subcommands). {@code chat} is the chat command's model, whose options may stand
     * before a subcommand's name.
     */
    public static boolean namesACommandOrHelp(Map<String, Boolean> commands, CommandSpec chat, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                return true;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                return commands.containsKey(arg);
            }
            if (valueFollows(chat, arg)) {
                i++;
            }
        }
        return false;
    }

    /** Whether {@code arg}, an option, takes the next argument as its value. */
    private static boolean valueFollows(CommandSpec chat, String arg) {
        if (arg.startsWith("--")) {
            return !arg.contains("=") && takesValue(chat.findOption(arg));
        }
        // A cluster of short options (-cm gpt-4.1): the first that takes a value takes the rest
        // of the cluster, or the next argument when the cluster ends with it.
        for (int c = 1; c < arg.length(); c++) {
            OptionSpec option = chat.findOption(arg.charAt(c));
            if (takesValue(option)) {
                return c == arg.length() - 1;
            }
        }
        return false;
    }

    private static boolean takesValue(OptionSpec option) {
        return option != null && option.arity().max() > 0;
    }
}
