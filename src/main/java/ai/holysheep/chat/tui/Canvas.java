package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.Graphemes;
import ai.holysheep.chat.render.Span;
import ai.holysheep.chat.render.StyledLine;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;

/**
 * Puts text on the screen one user-perceived character at a time, advancing by display width, so
 * Hangul and emoji take their two cells and nothing is split in half ({@code putString} would
 * split surrogate pairs).
 */
final class Canvas {
    private final Screen screen;
    private final Cells cells = new Cells();
    private int columns;
    private int rows;

    Canvas(Screen screen) {
        this.screen = screen;
    }

    /** Takes the screen's current size; called once per frame. */
    void measure(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    int rows() {
        return rows;
    }

    /**
     * Draws {@code text} from {@code col} on {@code row}, never past {@code endCol} (exclusive);
     * returns the column after the last cell drawn. Graphemes of width 0 (a lone control) are
     * skipped.
     */
    int put(int col, int row, int endCol, CharSequence text, TextCharacter style) {
        Cells.Palette palette = cells.of(style);
        int end = Math.min(endCol, columns);
        int len = text.length();
        int i = 0;
        int c = col;
        while (i < len && c < end) {
            char ch = text.charAt(i);
            Glyph g;
            int next;
            // Printable ASCII not followed by a combining mark is one cell: no grapheme search.
            if (ch >= 0x20 && ch < 0x7F && (i + 1 == len || text.charAt(i + 1) < 0x300)) {
                g = palette.ascii(ch);
                next = i + 1;
            } else {
                next = Graphemes.nextBoundary(text, i);
                g = palette.grapheme(text, i, next);
            }
            if (g != null) {
                if (c + g.width() > end) {
                    break;
                }
                screen.setCharacter(c, row, g);
                c += g.width();
            }
            i = next;
        }
        return c;
    }

    /** Draws a styled line from {@code col}; returns the column after it. */
    int put(int col, int row, int endCol, StyledLine line, Styles styles) {
        int c = col;
        for (Span span : line.spans()) {
            c = put(c, row, endCol, span.text(), styles.of(span.style()));
        }
        if (line.overflows() && endCol <= columns && endCol > col) {
            put(endCol - 1, row, endCol, "›", styles.marker());
        }
        return c;
    }

    /** Fills {@code [fromCol, toCol)} of {@code row} with blanks in {@code style}. */
    void clear(int row, int fromCol, int toCol, TextCharacter style) {
        TextCharacter blank = cells.of(style).blank();
        for (int c = Math.max(0, fromCol); c < Math.min(toCol, columns); c++) {
            screen.setCharacter(c, row, blank);
        }
    }
}
