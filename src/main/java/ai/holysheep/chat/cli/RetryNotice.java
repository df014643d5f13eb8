package ai.holysheep.chat.cli;

import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.render.TerminalSanitizer;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Waits;

/**
 * Tells the user on stderr that the turn is fighting the network. On a terminal it is one line
 * updated in place ({@code \r} + erase line) and erased once text flows again, so the screen ends
 * up holding only the answer; elsewhere (a log, a pipe) every event is its own plain line.
 *
 * <p>When the answer is on the same terminal, the line in use is the answer's growing last line;
 * the live answer printer redraws that line in place with its next piece, so erasing the notice
 * loses nothing.
 */
final class RetryNotice {
    private static final String ERASE_LINE = "\r\u001b[2K";

    private final Io io;
    private boolean showing;
    private int columns;

    RetryNotice(Io io) {
        this.io = io;
    }

    void retrying(StreamEvent.Retrying r) {
        String text = "retry " + r.attempt() + "/" + r.max() + " in " + Waits.human(r.delay()) + " · "
                + TerminalSanitizer.clean(r.reason()).replace('\n', ' ');
        if (io.stderrIsTerminal()) {
            io.err().print(ERASE_LINE + oneRow("⟳ " + text));
            io.err().flush();
            showing = true;
        } else {
            io.error(text);
        }
    }

    void resumed(StreamEvent.Resumed r) {
        clear();
        if (!io.stderrIsTerminal() && !r.diverged()) {
            io.error("resumed after " + r.keptChars() + " characters");
        }
    }

    /**
     * Cut to the terminal's width: erasing the line erases one row, so a notice that wrapped
     * would leave its first rows behind.
     */
    private String oneRow(String text) {
        if (columns == 0) {
            columns = Tty.columns(io.env());
        }
        int room = Math.max(10, columns - 1);
        return DisplayWidth.of(text) <= room ? text : text.substring(0, DisplayWidth.fit(text, 0, room - 1)) + "…";
    }

    /** Text flows again, or the turn ended: the notice has done its job. */
    void clear() {
        if (showing) {
            io.err().print(ERASE_LINE);
            io.err().flush();
            showing = false;
        }
    }

    static String gaveUp(StreamEvent.GaveUp g) {
        if (g.attempts() <= 1) {
            return g.lastError();
        }
        return "gave up after " + g.attempts() + " attempts over " + Waits.human(g.downtime()) + ": " + g.lastError();
    }
}
