package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a GFM table with box-drawing borders, columns sized and aligned by display width so
 * Hangul and other wide text lines up. A table wider than the screen has its widest columns
 * narrowed and their cells wrapped.
 */
final class TableRenderer {
    enum Align { LEFT, CENTER, RIGHT }

    private static final Style BORDER = Style.PLAIN.withForeground(Color.GRAY);

    private TableRenderer() {
    }

    /** {@code rows.get(r).get(c)}; the first {@code headerRows} rows are the header. */
    static List<StyledLine> render(List<List<InlineText>> rows, int headerRows, List<Align> aligns, int width) {
        int cols = aligns.size();
        int[] natural = new int[cols];
        for (List<InlineText> row : rows) {
            for (int c = 0; c < cols && c < row.size(); c++) {
                natural[c] = Math.max(natural[c], row.get(c).width());
            }
        }
        int[] widths = fit(natural, width - (3 * cols + 1));
        List<StyledLine> out = new ArrayList<>();
        out.add(border(widths, "┌", "┬", "┐", width));
        for (int r = 0; r < rows.size(); r++) {
            if (r == headerRows && r > 0) {
                out.add(border(widths, "├", "┼", "┤", width));
            }
            out.addAll(row(rows.get(r), widths, aligns, width));
        }
        out.add(border(widths, "└", "┴", "┘", width));
        return out;
    }

    /** Column widths within {@code available}: narrow columns keep their width, wide ones share the rest. */
    private static int[] fit(int[] natural, int available) {
        int cols = natural.length;
        int[] widths = new int[cols];
        int total = 0;
        for (int w : natural) {
            total += Math.max(1, w);
        }
        if (total <= available) {
            for (int c = 0; c < cols; c++) {
                widths[c] = Math.max(1, natural[c]);
            }
            return widths;
        }
        boolean[] done = new boolean[cols];
        int remaining = Math.max(available, cols);
        int left = cols;
        boolean changed = true;
        while (changed && left > 0) {
            changed = false;
            int share = remaining / left;
            for (int c = 0; c < cols; c++) {
                if (!done[c] && natural[c] <= share) {
                    widths[c] = Math.max(1, natural[c]);
                    remaining -= widths[c];
                    done[c] = true;
                    left--;
                    changed = true;
                }
            }
        }
        for (int c = 0, given = 0; c < cols; c++) {
            if (!done[c]) {
                given++;
                widths[c] = Math.max(1, remaining / left + (given <= remaining % left ? 1 : 0));
            }
        }
        return widths;
    }

    private static List<StyledLine> row(List<InlineText> cells, int[] widths, List<Align> aligns, int width) {
        int cols = widths.length;
        List<List<List<Span>>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < cols; c++) {
            List<List<Span>> lines = c < cells.size() ? cells.get(c).wrap(widths[c]) : List.of(List.of());
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        List<StyledLine> out = new ArrayList<>();
        for (int h = 0; h < height; h++) {
            List<Span> spans = new ArrayList<>();
            spans.add(new Span("│", BORDER));
            for (int c = 0; c < cols; c++) {
                List<Span> content = h < wrapped.get(c).size() ? wrapped.get(c).get(h) : List.of();
                int used = 0;
                for (Span s : content) {
                    used += s.width();
                }
                int pad = Math.max(0, widths[c] - used);
                int before = switch (aligns.get(c)) {
                    case LEFT -> 0;
                    case CENTER -> pad / 2;
                    case RIGHT -> pad;
                };
                spans.add(Span.plain(" ".repeat(1 + before)));
                spans.addAll(content);
                spans.add(Span.plain(" ".repeat(pad - before + 1)));
                spans.add(new Span("│", BORDER));
            }
            out.add(flagged(spans, width));
        }
        return out;
    }

    private static StyledLine border(int[] widths, String left, String mid, String right, int width) {
        StringBuilder sb = new StringBuilder(left);
        for (int c = 0; c < widths.length; c++) {
            sb.append("─".repeat(widths[c] + 2)).append(c == widths.length - 1 ? right : mid);
        }
        return flagged(List.of(new Span(sb.toString(), BORDER)), width);
    }

    /** A table's line, flagged when it is wider than the screen: every one of them, borders too, is cut there. */
    private static StyledLine flagged(List<Span> spans, int width) {
        StyledLine line = new StyledLine(spans, LineKind.TABLE);
        return new StyledLine(spans, LineKind.TABLE, line.width() > width);
    }
}
