package ai.holysheep.chat.render;

import java.util.List;

/**
 * One screen line of rendered markdown. {@code overflows} is set on code lines wider than the
 * width they were rendered for: code is never re-wrapped, so a drawer cuts it and shows a
 * marker such as '›' instead.
 */
public record StyledLine(List<Span> spans, LineKind kind, boolean overflows) {
    public static final StyledLine BLANK = new StyledLine(List.of(), LineKind.BLANK, false);

    public StyledLine {
        spans = List.copyOf(spans);
    }

    public StyledLine(List<Span> spans, LineKind kind) {
        this(spans, kind, false);
    }

    /** Terminal columns of the whole line. */
    public int width() {
        int w = 0;
        for (Span span : spans) {
            w += span.width();
        }
        return w;
    }

    /** The line's text without styling. */
    public String text() {
        if (spans.size() == 1) {
            return spans.get(0).text();
        }
        StringBuilder sb = new StringBuilder();
        for (Span span : spans) {
            sb.append(span.text());
        }
        return sb.toString();
    }
}
