package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.TerminalSanitizer;
import ai.holysheep.chat.render.Wrap;
import java.util.List;

/**
 * A member's message in a room: the author's name over the text. The user's own messages are
 * set apart as the chat sets apart a prompt: a bar and the prompt's colour.
 */
final class MemberEntry extends Entry {
    private final String author;
    private final String text;
    private boolean mine;
    /** Typed here and not yet posted: the relay has not echoed it (offline, or on its way). */
    private final boolean waiting;
    /** Waiting when the connection gave up: it will not be posted. */
    private boolean lost;
    private int width = -1;
    private List<Wrap.Line> lines;

    MemberEntry(String author, String text, boolean mine) {
        this(author, text, mine, false);
    }

    private MemberEntry(String author, String text, boolean mine, boolean waiting) {
        // Names and text come from other people's terminals: nothing drawn may act on this one.
        this.author = author == null ? null : TerminalSanitizer.clean(author);
        this.text = TextEntry.expandTabs(TerminalSanitizer.clean(text));
        this.mine = mine;
        this.waiting = waiting;
    }

    /**
     * What the user just typed, shown at once, until the relay's echo takes its place;
     * {@code author} is null while the relay has not yet named the user.
     */
    static MemberEntry waiting(String author, String text) {
        return new MemberEntry(author, text, true, true);
    }

    String author() {
        return author;
    }

    /** The connection gave up with this still unposted. */
    void lost() {
        lost = true;
    }

    /** Known to be the user's own only once the relay named the user (the first echo). */
    void markMine() {
        mine = true;
    }

    @Override
    int lineCount(int width) {
        layout(width);
        return 1 + lines.size() + 1;
    }

    @Override
    void draw(int index, Canvas canvas, int row, int left, int width, Styles styles) {
        layout(width);
        if (index == 0) {
            if (!mine) {
                canvas.put(left, row, left + width, author, Styles.TITLE);
                return;
            }
            int c = canvas.put(left, row, left + width, author == null ? "▌ you" : "▌ " + author + " (you)", Styles.USER);
            if (lost) {
                canvas.put(c, row, left + width, " · not posted", Styles.WARN);
            } else if (waiting) {
                canvas.put(c, row, left + width, " · waiting to be posted", Styles.DIM);
            }
            return;
        }
        int i = index - 1;
        if (i >= lines.size()) {
            return;
        }
        Wrap.Line line = lines.get(i);
        if (mine) {
            canvas.put(left, row, left + 2, "▌", Styles.USER_BAR);
            canvas.put(left + 2, row, left + width, text.subSequence(line.start(), line.end()), Styles.USER);
        } else {
            canvas.put(left + 2, row, left + width, text.subSequence(line.start(), line.end()), Styles.PLAIN);
        }
    }

    private void layout(int w) {
        if (w != width) {
            width = w;
            lines = Wrap.lines(text, Math.max(1, w - 2));
        }
    }
}
