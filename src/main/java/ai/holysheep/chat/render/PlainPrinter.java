package ai.holysheep.chat.render;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The answer's own markdown text, sanitised, without any styling: for pipes, files and
 * {@code --raw}. Control sequences from the network never pass, even split across deltas.
 */
public final class PlainPrinter implements AnswerPrinter {
    private final Appendable out;
    private final TerminalSanitizer sanitizer = new TerminalSanitizer();
    private boolean wrote;
    private boolean endsWithNewline = true;

    public PlainPrinter(Appendable out) {
        this.out = out;
    }

    @Override
    public void append(String delta) {
        write(sanitizer.feed(delta));
    }

    @Override
    public void finish() {
        write(sanitizer.finish());
        if (wrote && !endsWithNewline) {
            write("\n");
        }
    }

    private void write(String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wrote = true;
        endsWithNewline = text.endsWith("\n");
    }
}
