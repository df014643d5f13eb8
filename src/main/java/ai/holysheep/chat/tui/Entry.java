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
}
