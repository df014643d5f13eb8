package ai.holysheep.chat.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Only the answer's code blocks ({@code --code}), plain and sanitised, one blank line between
 * two, for a file or a shell. Nothing can be written before the answer ends: until then a line
 * that looks like code may still turn out to be prose (a fence that never closes is code to the
 * end, but only once the end is known).
 */
public final class CodePrinter implements AnswerPrinter {
    private final Appendable out;
    private final Runnable noCode;
    private final StringBuilder answer = new StringBuilder();

    /** @param noCode told when the answer ended without a single code block */
    public CodePrinter(Appendable out, Runnable noCode) {
        this.out = out;
        this.noCode = noCode;
    }

    @Override
    public void append(String delta) {
        answer.append(delta);
    }

    @Override
    public void finish() {
        List<String> blocks = CodeBlocks.of(answer.toString());
        answer.setLength(0);
        if (blocks.isEmpty()) {
            noCode.run();
            return;
        }
        try {
            for (int i = 0; i < blocks.size(); i++) {
                String code = TerminalSanitizer.clean(blocks.get(i));
                out.append(i == 0 ? "" : "\n").append(code).append(code.isEmpty() || code.endsWith("\n") ? "" : "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void abandon() {
        answer.setLength(0);
    }
}
