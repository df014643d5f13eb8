package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.Wrap;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys and commands (F1, /help) in a window over the chat, wrapped to fit. Any key closes
 * it, so it never lands in the transcript; on a screen too short for all of it, the arrows and
 * PgUp/PgDn scroll instead.
 */
final class HelpDialog {
    private static final int MAX_WIDTH = 100;

    private final String text;
    private int first;
    /** Rows hidden below at the last frame: while any are, the arrows scroll. */
    private int scrollable;
    private int pageRows = 1;

    HelpDialog(String text) {
        this.text = text;
    }

    /** Whether the last frame left some of the help out of sight. */
    boolean scrolls() {
        return scrollable > 0;
    }

    void up(int rows) {
        first = Math.max(0, first - rows);
    }

    void down(int rows) {
        first = Math.min(scrollable, first + rows);
    }

    int pageRows() {
        return pageRows;
    }

    void draw(Canvas canvas, int columns, int rows) {
        DialogFrame probe = DialogFrame.centred(columns, rows, MAX_WIDTH, rows);
        int textWidth = Math.max(1, probe.textRight() - probe.textLeft());
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            // A continued line keeps its paragraph's indent, so headings stand out from the entries.
            int indent = Math.min(paragraph.length() - paragraph.stripLeading().length(), textWidth / 2);
            for (String line : Wrap.wrap(paragraph.strip(), Math.max(1, textWidth - indent))) {
                lines.add(" ".repeat(indent) + line);
            }
        }
        DialogFrame frame = DialogFrame.centred(columns, rows, MAX_WIDTH, lines.size());
        pageRows = Math.max(1, frame.innerRows());
        scrollable = Math.max(0, lines.size() - pageRows);
        first = Math.min(first, scrollable);
        String hint = scrollable == 0 ? "any key closes"
                : frame.width() > 50 ? "↑↓ PgUp/PgDn scroll · other keys close" : "↑↓ scroll · other keys close";
        frame.draw(canvas, "Help", hint);
        for (int i = 0; i < pageRows && first + i < lines.size(); i++) {
            String line = lines.get(first + i);
            boolean heading = !line.startsWith(" ") && !line.isEmpty();
            canvas.put(frame.textLeft(), frame.row(i), frame.textRight(), line, heading ? Styles.FRAME_TITLE : Styles.PLAIN);
        }
    }
}
