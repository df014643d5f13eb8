package ai.holysheep.chat.tui;

/**
 * What the list dialogs (model switcher, saved conversations) share: the text typed to narrow
 * the list, and which of the rows shown is selected. Each dialog owns its rows and how the
 * filter matches them ({@link #refilter}).
 */
abstract class FilteredList {
    private final StringBuilder filter = new StringBuilder();
    private int selected;

    /** How many rows the filter lets through now. */
    abstract int rowCount();

    /** Recomputes the rows shown from the filter; calls {@link #clamp} when done. */
    abstract void refilter();

    String filter() {
        return filter.toString();
    }

    /** Adds typed text; the selection goes back to the first row. */
    void type(String s) {
        filter.append(s);
        selected = 0;
        refilter();
    }

    /** Removes the last typed character (a whole code point). */
    void backspace() {
        if (filter.length() > 0) {
            filter.setLength(filter.offsetByCodePoints(filter.length(), -1));
            selected = 0;
            refilter();
        }
    }

    void up() {
        move(-1);
    }

    void down() {
        move(1);
    }

    void pageUp(int rows) {
        move(-rows);
    }

    void pageDown(int rows) {
        move(rows);
    }

    int selected() {
        return selected;
    }

    void select(int index) {
        selected = index;
    }

    /** Keeps the selection on a row that exists after the rows changed. */
    void clamp() {
        selected = Math.min(Math.max(0, selected), Math.max(0, rowCount() - 1));
    }

    /** The first row to draw so that the selected one is inside a window of {@code visible} rows. */
    int firstVisible(int visible) {
        return Math.max(0, Math.min(selected - visible + 1, rowCount() - visible));
    }

    private void move(int rows) {
        selected = Math.max(0, Math.min(rowCount() - 1, selected + rows));
    }
}
