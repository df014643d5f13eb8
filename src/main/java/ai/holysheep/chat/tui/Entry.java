package ai.holysheep.chat.tui;

/**
 * One item of the transcript laid out for a width. Entries keep their wrapped lines cached per
 * width, so drawing a frame costs what is visible, not the length of the conversation.
 */
abstract class Entry {
    /** Lines the entry occupies at {@code width} content columns, its trailing blank line included. */
    abstract int lineCount(int width);

    /** Draws line {@code index} (below {@link #lineCount}) on {@code row}, from column {@code left}. */
    abstract void draw(int index, Canvas canvas, int row, int left, int width, Styles styles);

    /**
     * False while the entry may still change its line count by itself (an answer arriving); a
     * settled entry changes only when the pane is told ({@link MessagePane#changed}).
     */
    boolean settled() {
        return true;
    }

    /**
     * Drops what was laid out for drawing, keeping the line count: the pane calls this for
     * entries that are off screen, so a long history holds its text, not every styled line.
     */
    void release() {
    }
}
