package ai.holysheep.chat.cli;

import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.render.TerminalSanitizer;

/**
 * Stored or received text laid out in columns for list-style output. Cleaning and measuring are
 * the render package's; this only adds the one-row-per-item conventions.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** Without escape sequences and controls; newlines and tabs stay. */
    static String sanitize(String text) {
        return TerminalSanitizer.clean(text);
    }

    /** Sanitised and on one line: line breaks and tabs become spaces (for one-row-per-item output). */
    static String oneLine(String text) {
        return sanitize(text).replace('\n', ' ').replace('\t', ' ').strip();
    }

    static int width(String text) {
        return DisplayWidth.of(text);
    }

    /** Cut to at most {@code max} columns, with an ellipsis when something was cut. */
    static String fit(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        return text.substring(0, DisplayWidth.fit(text, 0, max - 1)) + '…';
    }

    /** Padded with spaces on the right to {@code columns} display columns. */
    static String padRight(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - width(text)));
    }

    static String padLeft(String text, int columns) {
        return " ".repeat(Math.max(0, columns - width(text))) + text;
    }
}
