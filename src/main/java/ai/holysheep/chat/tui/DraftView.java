package ai.holysheep.chat.tui;

import com.googlecode.lanterna.TerminalPosition;

/**
 * The input box on screen: the draft's lines from column 3, a prompt mark in the margin, and
 * when the draft is taller than the box, how many of its lines are out of sight and where.
 */
final class DraftView {
    private final InputBox input;
    private InputBox.Layout layout;
    private int rows;

    DraftView(InputBox input) {
        this.input = input;
    }

    /** Lays the draft out for a screen {@code cols} wide and returns the rows it takes, at most a third of {@code screenRows}. */
    int measure(int cols, int screenRows) {
        layout = input.layout(width(cols));
        int maxInput = Math.max(1, Math.min(8, screenRows / 3));
        rows = Math.min(maxInput, layout.lines().size());
        return rows;
    }

    static int width(int cols) {
        return cols - 4;
    }

    /** Draws the measured draft from {@code firstRow}; returns where the cursor goes. */
    TerminalPosition draw(Canvas canvas, int firstRow, int cols) {
        int firstLine = Math.max(0, layout.caret().row() - rows + 1);
        int hiddenBelow = layout.lines().size() - firstLine - rows;
        for (int r = 0; r < rows; r++) {
            int row = firstRow + r;
            canvas.clear(row, 0, cols, Styles.PLAIN);
            // A draft taller than the box says how many of its lines are out of sight, and where.
            if (r == 0 && firstLine > 0) {
                canvas.put(0, row, 3, hiddenMark("↑", firstLine), Styles.STATUS_BUSY);
            } else if (r == rows - 1 && hiddenBelow > 0) {
                canvas.put(0, row, 3, hiddenMark("↓", hiddenBelow), Styles.STATUS_BUSY);
            } else if (r == 0) {
                canvas.put(1, row, 3, "›", Styles.USER_BAR);
            }
            int li = firstLine + r;
            if (li < layout.lines().size()) {
                int[] line = layout.lines().get(li);
                canvas.put(3, row, cols - 1, TextEntry.expandTabs(input.text().substring(line[0], line[1])), Styles.PLAIN);
            }
        }
        return new TerminalPosition(3 + layout.caret().column(), firstRow + layout.caret().row() - firstLine);
    }

    /** {@code ↑3} in the input's three-cell margin; past 99 lines only the arrow fits. */
    private static String hiddenMark(String arrow, int lines) {
        return lines < 100 ? arrow + lines : arrow;
    }
}
