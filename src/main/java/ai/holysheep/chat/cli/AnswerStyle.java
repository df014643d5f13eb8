package ai.holysheep.chat.cli;

import ai.holysheep.chat.render.AnsiWriter;
import ai.holysheep.chat.render.AnswerPrinter;
import ai.holysheep.chat.render.BlockPrinter;
import ai.holysheep.chat.render.ColorMode;
import ai.holysheep.chat.render.LiveTerminalPrinter;
import ai.holysheep.chat.render.PlainPrinter;
import java.util.Map;

/**
 * How a one-shot answer is shown. On a terminal it is rendered markdown, drawn live; into a pipe
 * or file (or with {@code --raw}) it is the model's own markdown text, sanitised and unstyled,
 * so scripts get what the model wrote. {@code --color always} renders into a pipe too, block by
 * block without redrawing, for {@code less -R}.
 */
final class AnswerStyle {
    /** The {@code --color} choice. */
    enum Choice { auto, always, never }

    private AnswerStyle() {
    }

    /** Whether a stream may carry colour: {@code auto} means a terminal, no NO_COLOR, no dumb TERM. */
    static boolean colour(Choice choice, boolean terminal, Map<String, String> env) {
        return switch (choice) {
            case always -> true;
            case never -> false;
            case auto -> terminal && isBlank(env.get("NO_COLOR")) && !"dumb".equals(env.get("TERM"));
        };
    }

    static AnswerPrinter printer(Io io, boolean raw, Choice choice) {
        if (raw) {
            return new PlainPrinter(io.out());
        }
        boolean colour = colour(choice, io.stdoutIsTerminal(), io.env());
        AnsiWriter writer = new AnsiWriter(colour ? ColorMode.ALWAYS : ColorMode.NEVER);
        if (io.stdoutIsTerminal()) {
            return new LiveTerminalPrinter(io.out(), writer, Tty.columns(io.env()));
        }
        return colour ? new BlockPrinter(io.out(), writer, Tty.columns(io.env())) : new PlainPrinter(io.out());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
