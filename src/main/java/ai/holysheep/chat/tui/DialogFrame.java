package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.DisplayWidth;

/**
 * The bordered box a list dialog (model switcher, history) is drawn in, centred over the chat so
 * it reads as a window on top of it. Text inside is clipped at the inner edge by display width,
 * so a wide character never overwrites the border.
 */
record DialogFrame(int left, int top, int width, int height) {
    /** A box up to {@code maxWidth} wide holding {@code innerRows} rows, fitted to the screen. */
    static DialogFrame centred(int columns, int rows, int maxWidth, int innerRows) {
        int w = Math.max(10, Math.min(columns - 2, maxWidth));
        int h = Math.max(3, Math.min(rows - 2, innerRows + 2));
        return new DialogFrame((columns - w) / 2, Math.max(0, (rows - h) / 2 - 1), w, h);
    }

    /** Rows available inside the border. */
    int innerRows() {
        return height - 2;
    }

    /** First column for text inside, after the border and a space. */
    int textLeft() {
        return left + 2;
    }

    /** Column just past the last one text may use, before a space and the border. */
    int textRight() {
        return left + width - 2;
    }

    /** Screen row of inner row {@code i}. */
    int row(int i) {
        return top + 1 + i;
    }

    /** Border with {@code title} in the top edge and {@code hint} in the bottom one; blanks the inside. */
    void draw(Canvas canvas, String title, String hint) {
        int right = left + width - 1;
        canvas.clear(top, left, left + width, Styles.FRAME);
        canvas.put(left, top, left + 1, "╭", Styles.FRAME);
        canvas.put(left + 1, top, right, "─".repeat(width - 2), Styles.FRAME);
        canvas.put(right, top, right + 1, "╮", Styles.FRAME);
        canvas.put(left + 2, top, right - 1, " " + title + " ", Styles.FRAME_TITLE);
        for (int i = 0; i < innerRows(); i++) {
            int r = row(i);
            canvas.clear(r, left, left + width, Styles.PLAIN);
            canvas.put(left, r, left + 1, "│", Styles.FRAME);
            canvas.put(right, r, right + 1, "│", Styles.FRAME);
        }
        int bottom = top + height - 1;
        canvas.clear(bottom, left, left + width, Styles.FRAME);
        canvas.put(left, bottom, left + 1, "╰", Styles.FRAME);
        canvas.put(left + 1, bottom, right, "─".repeat(width - 2), Styles.FRAME);
        canvas.put(right, bottom, right + 1, "╯", Styles.FRAME);
        int hw = DisplayWidth.of(hint) + 2;
        if (hw < width - 4) {
            canvas.put(right - 1 - hw, bottom, right - 1, " " + hint + " ", Styles.DIM);
        }
    }

    /** Paints inner row {@code i} as the selected one: the whole width between the borders. */
    void highlight(Canvas canvas, int i) {
        canvas.clear(row(i), left + 1, left + width - 1, Styles.SELECTED);
    }

    /**
     * One list row: {@code label} from the left, {@code detail} right-aligned when both fit
     * (the label is cut short to make room when it is long).
     */
    void listRow(Canvas canvas, int i, String label, String detail, boolean selected) {
        if (selected) {
            highlight(canvas, i);
        }
        int r = row(i);
        int dw = DisplayWidth.of(detail);
        int labelEnd = textRight();
        if (!detail.isEmpty() && textLeft() + 12 + 2 + dw <= textRight()) {
            labelEnd = textRight() - dw - 2;
            canvas.put(textRight() - dw, r, textRight(), detail, selected ? Styles.SELECTED : Styles.DIM);
        }
        canvas.put(textLeft(), r, labelEnd, label, selected ? Styles.SELECTED_STRONG : Styles.PLAIN);
    }
}
