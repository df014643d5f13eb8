package ai.holysheep.chat.render;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns styled lines into text for a terminal: SGR codes per span with {@link ColorMode#ALWAYS},
 * plain text with {@link ColorMode#NEVER}. The text of a span is already sanitised, so the only
 * escape sequences in the output are the ones written here.
 */
public final class AnsiWriter {
    private static final String RESET = "\u001B[0m";
    private final ColorMode mode;

    public AnsiWriter(ColorMode mode) {
        this.mode = mode;
    }

    /** The line as terminal text, without a line terminator. */
    public String line(StyledLine line) {
        StringBuilder sb = new StringBuilder();
        write(line, sb);
        return sb.toString();
    }

    /** Appends the line, without a line terminator. */
    public void write(StyledLine line, Appendable out) {
        try {
            if (mode == ColorMode.NEVER) {
                // Padding that only carried a background colour is noise in plain text.
                out.append(line.kind() == LineKind.CODE || line.kind() == LineKind.BLANK
                        ? line.text().stripTrailing() : line.text());
                return;
            }
            boolean styled = false;
            for (Span span : line.spans()) {
                if (span.style().isPlain()) {
                    if (styled) {
                        out.append(RESET);
                        styled = false;
                    }
                } else {
                    out.append(sgr(span.style()));
                    styled = true;
                }
                out.append(span.text());
            }
            if (styled) {
                out.append(RESET);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SGR sequence that sets exactly this style from any previous one. */
    static String sgr(Style style) {
        StringBuilder sb = new StringBuilder("\u001B[0");
        if (style.bold()) {
            sb.append(";1");
        }
        if (style.dim()) {
            sb.append(";2");
        }
        if (style.italic()) {
            sb.append(";3");
        }
        if (style.underline()) {
            sb.append(";4");
        }
        if (style.strikethrough()) {
            sb.append(";9");
        }
        if (style.foreground() != null) {
            sb.append(';').append(colour(style.foreground(), 30, 90, "38"));
        }
        if (style.background() != null) {
            sb.append(';').append(colour(style.background(), 40, 100, "48"));
        }
        return sb.append('m').toString();
    }

    private static String colour(Color color, int base, int brightBase, String extended) {
        int index = color.index();
        if (index < 8) {
            return Integer.toString(base + index);
        }
        if (index < 16) {
            return Integer.toString(brightBase + index - 8);
        }
        return extended + ";5;" + index;
    }
}
