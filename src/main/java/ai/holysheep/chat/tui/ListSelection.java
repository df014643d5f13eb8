package ai.holysheep.chat.tui;

/**
 * What the list dialogs (model switcher, saved conversations) share: the text typed to narrow
 * the list, and which of the rows shown is selected. The dialogs own their rows and how the
 * filter matches them.
 */
final class ListSelection {
    private final StringBuilder filter = new StringBuilder();
    private int selected;

    String filter() {
        return filter.toString();
    }

    /** Adds typed text; the selection goes back to the first row. */
    void type(String s) {
        filter.append(s);
        selected = 0;
    }

    /** Removes the last typed character (a whole code point); false when nothing was typed. */
    boolean backspace() {
        if (filter.length() == 0) {
            return false;
        }
        filter.setLength(filter.offsetByCodePoints(filter.length(), -1));
        selected = 0;
        return true;
    }

    int selected() {
        return selected;
    }

    void select(int index) {
        selected = index;
    }

    /** Moves the selection by {@code rows} (negative: up), staying within {@code size} rows. */
    void move(int rows, int size) {
        selected = Math.max(0, Math.min(size - 1, selected + rows));
    }

    /** Keeps the selection on a row that exists after the list changed to {@code size} rows. */
    void clamp(int size) {
        selected = Math.min(Math.max(0, selected), Math.max(0, size - 1));
    }

    /** The first row to draw so that the selected one is inside a window of {@code visible} rows. */
    int firstVisible(int visible, int size) {
        return Math.max(0, Math.min(selected - visible + 1, size - visible));
    }
}
