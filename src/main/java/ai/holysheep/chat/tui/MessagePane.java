package ai.holysheep.chat.tui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transcript and the window onto it. While following, the window stays on the newest line
 * as text streams in; once the user scrolls up it stays where it was (its top line is absolute,
 * so growth below does not move it) and a marker says there is more below.
 *
 * <p>Where each entry starts is kept as a running sum of line counts. Settled entries are
 * counted once per width; only those from the first unsettled one on (the answer arriving and
 * what follows it) are counted again each frame, and the entry at the window's top is found by
 * binary search, so a frame costs what is visible, not the length of the conversation.
 */
final class MessagePane {
    private static final int LEFT = 1;
    /**
     * Lines kept laid out, beyond those on screen, for entries drawn recently (scrolling back
     * finds them ready); the least recently drawn beyond this keep only their line count.
     */
    private static final int KEPT_LAID_OUT_LINES = 2_000;

    private final List<Entry> entries = new ArrayList<>();
    private final List<Entry> view = Collections.unmodifiableList(entries);
    /** {@code starts[i]}: the first line of entry i at {@link #indexedWidth}; {@code starts[size]} is the total. */
    private int[] starts = new int[64];
    /** Entries {@code [0, settledCount)} are settled and counted in {@link #starts}. */
    private int settledCount;
    private int indexedWidth = -1;
    /** Entries laid out for drawing, least recently drawn first, with their line counts. */
    private final LinkedHashMap<Entry, Integer> laidOut = new LinkedHashMap<>(64, 0.75f, true);
    private int laidOutLines;
    private boolean following = true;
    /** Whether the last frame left lines below the window (the user scrolled up). */
    private boolean moreBelow;
    /** A note added while scrolled up: shown under the window until the view is back at the end. */
    private Entry pinned;
    private int top;
    private int height = 1;
    private int width = 1;

    void add(Entry entry) {
        entries.add(entry);
    }

    /**
     * A note from the program (an unknown command, a warning): added in its place, and while
     * the user reads further up, also kept in sight under the window, where it would otherwise
     * be out of view.
     */
    void addNote(Entry note) {
        entries.add(note);
        if (!following) {
            pinned = note;
        }
    }

    void remove(int index) {
        Entry gone = entries.remove(index);
        if (gone == pinned) {
            pinned = null;
        }
        Integer lines = laidOut.remove(gone);
        laidOutLines -= lines == null ? 0 : lines;
        settledCount = Math.min(settledCount, index);
    }

    /** Puts {@code now} where {@code old} is (a room's message sent again, as the relay has it now). */
    void replace(Entry old, Entry now) {
        int i = entries.lastIndexOf(old);
        if (i < 0) {
            entries.add(now);
            return;
        }
        entries.set(i, now);
        if (old == pinned) {
            pinned = null;
        }
        Integer lines = laidOut.remove(old);
        laidOutLines -= lines == null ? 0 : lines;
        settledCount = Math.min(settledCount, i);
    }

    /** A settled entry changed its line count (reasoning folded or unfolded). */
    void changed(Entry entry) {
        int i = entries.lastIndexOf(entry);
        if (i >= 0) {
            settledCount = Math.min(settledCount, i);
        }
    }

    void clear() {
        entries.clear();
        pinned = null;
        laidOut.clear();
        laidOutLines = 0;
        settledCount = 0;
        following = true;
        top = 0;
    }

    /** The entries, oldest first; change them through the pane. */
    List<Entry> entries() {
        return view;
    }

    boolean isFollowing() {
        return following;
    }

    /** Whether the last drawn window left lines below it; the screen marks it outside the text. */
    boolean moreBelow() {
        return moreBelow;
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

    void home() {
        scrollTo(0);
    }

    void end() {
        following = true;
    }

    /** Total lines at the last drawn width. */
    int totalLines() {
        if (width != indexedWidth) {
            indexedWidth = width;
            settledCount = 0;
        }
        int n = entries.size();
        if (starts.length < n + 1) {
            starts = Arrays.copyOf(starts, Math.max(n + 1, starts.length * 2));
        }
        for (int i = settledCount; i < n; i++) {
            Entry e = entries.get(i);
            starts[i + 1] = starts[i] + e.lineCount(width);
            if (i == settledCount && e.settled()) {
                settledCount = i + 1;
                if (!laidOut.containsKey(e)) {
                    e.release();
                }
            }
        }
        return starts[n];
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
        if (following) {
            pinned = null;
        }
        // The pinned note's own lines, without its trailing blank, take the window's last rows.
        int pinnedRows = pinned == null ? 0 : Math.min(pinned.lineCount(width) - 1, Math.max(1, rows / 3));
        int textRows = rows - pinnedRows;
        for (int r = 0; r < rows; r++) {
            canvas.clear(firstRow + r, 0, columns, Styles.PLAIN);
        }
        for (int i = 0; i < pinnedRows; i++) {
            pinned.draw(i, canvas, firstRow + textRows + i, LEFT, width, styles);
        }
        int row = 0;
        int drawn = 0;
        for (int k = entryAt(top); k < entries.size() && row < textRows; k++) {
            Entry e = entries.get(k);
            int n = starts[k + 1] - starts[k];
            for (int i = Math.max(0, top - starts[k]); i < n && row < textRows; i++) {
                e.draw(i, canvas, firstRow + row, LEFT, width, styles);
                row++;
            }
            Integer before = laidOut.put(e, n);
            laidOutLines += n - (before == null ? 0 : before);
            drawn++;
        }
        releaseBeyondBudget(drawn);
        moreBelow = !following && total > top + textRows;
    }

    /** Releases the least recently drawn entries, never the {@code onScreen} drawn last, while over the budget. */
    private void releaseBeyondBudget(int onScreen) {
        var it = laidOut.entrySet().iterator();
        while (laidOutLines > KEPT_LAID_OUT_LINES && laidOut.size() > onScreen && it.hasNext()) {
            Map.Entry<Entry, Integer> eldest = it.next();
            eldest.getKey().release();
            laidOutLines -= eldest.getValue();
            it.remove();
        }
    }

    /** The entry holding {@code line}: the last one starting at or before it. */
    private int entryAt(int line) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= line) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
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
