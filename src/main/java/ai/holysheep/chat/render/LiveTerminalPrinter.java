package ai.holysheep.chat.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a streamed markdown answer to a terminal as it arrives. Every line but the last is
 * printed once and left alone, so it scrolls into the scrollback exactly as it will stay; only
 * the last, still-growing line is redrawn in place (carriage return + erase line). The redrawn
 * line is cut to the width so the terminal never wraps it, which would leave a stale row above.
 *
 * <p>It writes to the given {@link Appendable}; the caller flushes it. Lines are counted across
 * finished and growing blocks alike: a line that has been printed is never printed again, even
 * if its block is later parsed differently. A growing table is the exception that is held back.
 */
public final class LiveTerminalPrinter implements AnswerPrinter {
    private static final String REDRAW = "\r\u001B[2K";

    private final Appendable out;
    private final AnsiWriter writer;
    private final StreamingMarkdown markdown;
    private final int width;
    private int printed;
    private String live = "";

    public LiveTerminalPrinter(Appendable out, AnsiWriter writer, int width) {
        this.out = out;
        this.writer = writer;
        this.width = Math.max(1, width);
        this.markdown = new StreamingMarkdown(new MarkdownRenderer(), this.width);
    }

    /** Takes the next delta of the answer and updates the terminal. */
    @Override
    public void append(String delta) {
        markdown.append(delta);
        List<StyledLine> done = markdown.finishedLines();
        List<StyledLine> tail = markdown.tailLines();
        int total = done.size() + tail.size();
        if (total == 0) {
            return;
        }
        // A growing table is held back whole: a wider cell arriving later re-sizes its columns,
        // and rows already in the scrollback could not follow. Its newest row is shown live.
        int tableStart = firstTableLine(tail);
        int holdFrom = tableStart < 0 ? total - 1 : done.size() + tableStart;
        int liveIndex = tableStart < 0 || total - 2 < holdFrom ? total - 1 : total - 2;
        StringBuilder sb = new StringBuilder();
        boolean cleared = false;
        for (; printed < holdFrom; printed++) {
            if (!cleared && !live.isEmpty()) {
                sb.append(REDRAW);
                cleared = true;
                live = "";
            }
            writer.write(line(done, tail, printed), sb);
            sb.append('\n');
        }
        String next = liveIndex >= printed ? writer.line(cut(line(done, tail, liveIndex))) : "";
        if (!next.equals(live)) {
            sb.append(REDRAW).append(next);
            live = next;
        }
        emit(sb);
    }

    /** Ends the answer: prints whatever is left, ending with a newline. */
    @Override
    public void finish() {
        markdown.finish();
        List<StyledLine> done = markdown.finishedLines();
        StringBuilder sb = new StringBuilder();
        if (!live.isEmpty()) {
            sb.append(REDRAW);
            live = "";
        }
        for (; printed < done.size(); printed++) {
            writer.write(done.get(printed), sb);
            sb.append('\n');
        }
        emit(sb);
    }

    private static int firstTableLine(List<StyledLine> tail) {
        for (int i = 0; i < tail.size(); i++) {
            if (tail.get(i).kind() == LineKind.TABLE) {
                return i;
            }
        }
        return -1;
    }

    private static StyledLine line(List<StyledLine> done, List<StyledLine> tail, int index) {
        return index < done.size() ? done.get(index) : tail.get(index - done.size());
    }

    /** The line cut to fit the width, with '›' where it was cut. */
    private StyledLine cut(StyledLine line) {
        if (line.width() <= width) {
            return line;
        }
        List<Span> spans = new ArrayList<>();
        int room = width - 1;
        for (Span span : line.spans()) {
            int w = span.width();
            if (w <= room) {
                spans.add(span);
                room -= w;
                continue;
            }
            int end = DisplayWidth.fit(span.text(), 0, room);
            if (end > 0) {
                spans.add(new Span(span.text().substring(0, end), span.style()));
            }
            break;
        }
        spans.add(new Span("›", MarkdownRenderer.MARKER));
        return new StyledLine(spans, line.kind(), true);
    }

    private void emit(CharSequence text) {
        if (text.length() == 0) {
            return;
        }
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
