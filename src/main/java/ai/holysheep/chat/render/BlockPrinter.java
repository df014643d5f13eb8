package ai.holysheep.chat.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Rendered markdown written block by block, with no redrawing: for a pager or a file that asked
 * for colour ({@code --color always | less -R}). Each block is written once it is finished.
 */
public final class BlockPrinter implements AnswerPrinter {
    private final Appendable out;
    private final AnsiWriter writer;
    private final StreamingMarkdown markdown;
    private int printed;

    public BlockPrinter(Appendable out, AnsiWriter writer, int width) {
        this.out = out;
        this.writer = writer;
        this.markdown = new StreamingMarkdown(new MarkdownRenderer(), width);
    }

    @Override
    public void append(String delta) {
        markdown.append(delta);
        printFinished();
    }

    @Override
    public void finish() {
        markdown.finish();
        printFinished();
    }

    private void printFinished() {
        List<StyledLine> done = markdown.finishedLines();
        if (printed == done.size()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (; printed < done.size(); printed++) {
            writer.write(done.get(printed), sb);
            sb.append('\n');
        }
        try {
            out.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
