package ai.holysheep.chat.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * The transcript and the window onto it. While following, the window stays on the newest line
 * as text streams in; once the user scrolls up it stays where it was (its top line is absolute,
 * so growth below does not move it) and a marker says there is more below.
 */
final class MessagePane {
    private static final int LEFT = 1;

    private final List<Entry> entries = new ArrayList<>();
    private boolean following = true;
    private int top;
    private int height = 1;
    private int width = 1;

    void add(Entry entry) {
        entries.add(entry);
    }

    void clear() {
        entries.clear();
        following = true;
        top = 0;
    }

    List<Entry> entries() {
        return entries;
    }

    boolean isFollowing() {
        return following;
    }

    /** Content columns for a screen {@code columns} wide: a margin each side. */
    static int contentWidth(int columns) {
        return Math.max(1, columns - 2 * LEFT);
    }

    void pageUp() {
        scrollTo(currentTop() - Math.max(1, height - 1));
    }

    void pageDown() {
        scrollTo(currentTop() + Math.max(1, height - 1));
    }

    void lineUp() {
        scrollTo(currentTop() - 1);
    }

    void lineDown() {
        scrollTo(currentTop() + 1);
    }

    void home() {
        scrollTo(0);
    }

    void end() {
        following = true;
    }

    /** Total lines at the last drawn width; a sum over entries, each of which caches its layout. */
    int totalLines() {
        int total = 0;
        for (Entry e : entries) {
            total += e.lineCount(width);
        }
        return total;
    }

    /** Draws rows {@code [firstRow, firstRow + rows)} of a screen {@code columns} wide. */
    void draw(Canvas canvas, int firstRow, int rows, int columns, Styles styles) {
        height = Math.max(1, rows);
        width = contentWidth(columns);
        int total = totalLines();
        int maxTop = Math.max(0, total - height);
        if (following) {
            top = maxTop;
        } else if (top >= maxTop) {
            top = maxTop;
            following = true;
        }
        for (int r = 0; r < rows; r++) {
            canvas.clear(firstRow + r, 0, columns, Styles.PLAIN);
        }
        int line = 0;
        int row = 0;
        for (Entry e : entries) {
            int n = e.lineCount(width);
            if (line + n <= top) {
                line += n;
                continue;
            }
            for (int i = Math.max(0, top - line); i < n && row < rows; i++) {
                e.draw(i, canvas, firstRow + row, LEFT, width, styles);
                row++;
            }
            line += n;
            if (row >= rows) {
                break;
            }
        }
        if (!following && total > top + height) {
            String more = " ↓ more below · End ";
            int w = more.length();
            canvas.put(Math.max(0, columns - w - 1), firstRow + rows - 1, columns, more, Styles.STATUS_BUSY);
        }
    }

    private int currentTop() {
        return following ? Math.max(0, totalLines() - height) : top;
    }

    private void scrollTo(int newTop) {
        int maxTop = Math.max(0, totalLines() - height);
        top = Math.max(0, Math.min(newTop, maxTop));
        following = top >= maxTop;
    }
}
