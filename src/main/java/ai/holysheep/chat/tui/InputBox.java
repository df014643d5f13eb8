package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.render.Graphemes;
import java.util.ArrayList;
import java.util.List;

/**
 * The multi-line prompt being written. The cursor always sits on a grapheme boundary, so moving
 * and deleting take a whole Hangul syllable, emoji or accented letter at a time. Earlier prompts
 * can be recalled with Up.
 */
final class InputBox {
    /** Where the cursor is drawn: a row of the wrapped text and a display column in it. */
    record Caret(int row, int column) {
    }

    /** The text wrapped to a width: line i is text[starts[i], ends[i]). */
    record Layout(List<int[]> lines, Caret caret) {
    }

    private final StringBuilder text = new StringBuilder();
    private int cursor;
    private final List<String> history = new ArrayList<>();
    /** Index into history while recalling; history.size() when not. */
    private int recall;
    private String draft = "";
    /** What Ctrl+C cleared, for Ctrl+Z; null when there is nothing to bring back. */
    private String discarded;

    String text() {
        return text.toString();
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    void insert(CharSequence s) {
        text.insert(cursor, s);
        cursor += s.length();
        // A combining mark typed after a letter joins it; the cursor must stay on a boundary.
        cursor = boundaryAtOrAfter(cursor);
    }

    void left() {
        cursor = previousBoundary(cursor);
    }

    void right() {
        if (cursor < text.length()) {
            cursor = Graphemes.nextBoundary(text, cursor);
        }
    }

    void lineStart() {
        cursor = lineStartOf(cursor);
    }

    void lineEnd() {
        cursor = lineEndOf(cursor);
    }

    void backspace() {
        if (cursor > 0) {
            int from = previousBoundary(cursor);
            text.delete(from, cursor);
            cursor = from;
        }
    }

    void delete() {
        if (cursor < text.length()) {
            text.delete(cursor, Graphemes.nextBoundary(text, cursor));
        }
    }

    /** Ctrl+U: everything before the cursor on its line. */
    void killToLineStart() {
        int from = lineStartOf(cursor);
        text.delete(from, cursor);
        cursor = from;
    }

    /** Ctrl+K: everything after the cursor on its line. */
    void killToLineEnd() {
        text.delete(cursor, lineEndOf(cursor));
    }

    /** Ctrl+W: the word before the cursor and the spaces after it. */
    void killWordBack() {
        int from = cursor;
        while (from > 0 && text.charAt(from - 1) == ' ') {
            from = previousBoundary(from);
        }
        while (from > 0 && text.charAt(from - 1) != ' ' && text.charAt(from - 1) != '\n') {
            from = previousBoundary(from);
        }
        text.delete(from, cursor);
        cursor = from;
    }

    /** Up: the line above, or an earlier prompt when on the first line of an empty or recalled input. */
    void up(int width) {
        Layout layout = layout(width);
        if (layout.caret().row() > 0) {
            moveToRow(layout, layout.caret().row() - 1);
        } else if ((isEmpty() || recall < history.size()) && recall > 0) {
            if (recall == history.size()) {
                draft = text();
            }
            recall--;
            replace(history.get(recall));
        }
    }

    /** Down: the line below, or a later prompt while recalling. */
    void down(int width) {
        Layout layout = layout(width);
        if (layout.caret().row() < layout.lines().size() - 1) {
            moveToRow(layout, layout.caret().row() + 1);
        } else if (recall < history.size()) {
            recall++;
            replace(recall == history.size() ? draft : history.get(recall));
        }
    }

    /** Takes the text away to be sent, remembering it for recall. */
    String submit() {
        String sent = text();
        if (!sent.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(sent))) {
            history.add(sent);
        }
        recall = history.size();
        draft = "";
        replace("");
        return sent;
    }

    /** Ctrl+C: clears the text, keeping it for Ctrl+Z and as the latest prompt Up recalls. */
    void discard() {
        String gone = text();
        if (!gone.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(gone))) {
            history.add(gone);
        }
        discarded = gone;
        recall = history.size();
        draft = "";
        replace("");
    }

    /** Ctrl+Z: brings back what Ctrl+C cleared, unless something new has been typed since. */
    void undoDiscard() {
        if (discarded != null && isEmpty()) {
            replace(discarded);
            discarded = null;
            recall = history.size();
        }
    }

    void clear() {
        replace("");
        recall = history.size();
    }

    /**
     * Wraps the text to {@code width} columns by character (a prompt is edited, not read, so
     * every cell shows what is there) and finds the caret.
     */
    Layout layout(int width) {
        int w = Math.max(2, width);
        List<int[]> lines = new ArrayList<>();
        Caret caret = null;
        int lineStart = 0;
        int col = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '\n') {
                if (i == cursor) {
                    caret = new Caret(lines.size(), col);
                }
                lines.add(new int[] {lineStart, i});
                lineStart = i + 1;
                col = 0;
                i++;
                continue;
            }
            int next = Graphemes.nextBoundary(text, i);
            int g = cells(i, next, col);
            if (col > 0 && col + g > w) {
                lines.add(new int[] {lineStart, i});
                lineStart = i;
                col = 0;
            }
            if (i == cursor) {
                caret = new Caret(lines.size(), col);
            }
            col += g;
            i = next;
        }
        if (caret == null) {
            // The caret after a full line goes to the start of the next one, as terminals do.
            caret = col >= w ? new Caret(lines.size() + 1, 0) : new Caret(lines.size(), col);
            if (col >= w) {
                lines.add(new int[] {lineStart, text.length()});
                lineStart = text.length();
            }
        }
        lines.add(new int[] {lineStart, text.length()});
        return new Layout(lines, caret);
    }

    private void moveToRow(Layout layout, int row) {
        int[] line = layout.lines().get(row);
        int target = layout.caret().column();
        int i = line[0];
        int col = 0;
        while (i < line[1]) {
            int next = Graphemes.nextBoundary(text, i);
            int g = cells(i, next, col);
            if (col + g > target) {
                break;
            }
            col += g;
            i = next;
        }
        cursor = i;
    }

    /**
     * Cells of the grapheme {@code text[i, next)} drawn at {@code col} of a line. A pasted tab
     * is kept as it is and shown as blanks to the next tab stop, as the transcript shows it
     * ({@link TextEntry#expandTabs}).
     */
    private int cells(int i, int next, int col) {
        return text.charAt(i) == '\t' ? TextEntry.TAB_STOP - col % TextEntry.TAB_STOP : DisplayWidth.grapheme(text, i, next);
    }

    private void replace(String s) {
        text.setLength(0);
        text.append(s);
        cursor = text.length();
    }

    private int previousBoundary(int at) {
        int i = lineStartOf(at);
        if (i == at) {
            return Math.max(0, at - 1);
        }
        int last = i;
        while (i < at) {
            last = i;
            i = Graphemes.nextBoundary(text, i);
        }
        return last;
    }

    private int boundaryAtOrAfter(int at) {
        int i = lineStartOf(at);
        while (i < at) {
            i = Graphemes.nextBoundary(text, i);
        }
        return i;
    }

    private int lineStartOf(int at) {
        int i = at;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    private int lineEndOf(int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }
}
