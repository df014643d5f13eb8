package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.render.Graphemes;
import ai.holysheep.chat.render.TerminalSanitizer;
import ai.holysheep.chat.render.Wrap;
import com.googlecode.lanterna.TextCharacter;
import java.util.List;

/** Something said in plain text: the user's prompt, or a note from the program (help, errors). */
final class TextEntry extends Entry {
    enum Kind { USER, NOTICE, WARNING, ERROR }

    static final int TAB_STOP = 8;

    private final Kind kind;
    private final String text;
    private int width = -1;
    private List<Wrap.Line> lines;

    TextEntry(Kind kind, String text) {
        this.kind = kind;
        // A pasted prompt may carry escape sequences too; nothing drawn may act on the terminal.
        this.text = expandTabs(TerminalSanitizer.clean(text));
    }

    /**
     * Tabs as the spaces to the next stop of every {@value #TAB_STOP} columns, as a terminal
     * shows them: pasted TSV and Makefiles keep their columns lined up.
     */
    static String expandTabs(String s) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int col = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\t') {
                int spaces = TAB_STOP - col % TAB_STOP;
                out.append(" ".repeat(spaces));
                col += spaces;
                i++;
                continue;
            }
            int next = Graphemes.nextBoundary(s, i);
            out.append(s, i, next);
            col = s.charAt(next - 1) == '\n' ? 0 : col + DisplayWidth.grapheme(s, i, next);
            i = next;
        }
        return out.toString();
    }

    Kind kind() {
        return kind;
    }

    @Override
    int lineCount(int width) {
        layout(width);
        return lines.size() + 1;
    }

    @Override
    void draw(int index, Canvas canvas, int row, int left, int width, Styles styles) {
        layout(width);
        if (index >= lines.size()) {
            return;
        }
        Wrap.Line line = lines.get(index);
        if (kind == Kind.USER) {
            canvas.put(left, row, left + 2, "▌", Styles.USER_BAR);
            canvas.put(left + 2, row, left + width, text.subSequence(line.start(), line.end()), Styles.USER);
        } else {
            canvas.put(left, row, left + width, text.subSequence(line.start(), line.end()), style());
        }
    }

    private TextCharacter style() {
        return switch (kind) {
            case WARNING -> Styles.WARN;
            case ERROR -> Styles.ERROR;
            default -> Styles.NOTICE;
        };
    }

    private void layout(int w) {
        if (w != width) {
            width = w;
            lines = Wrap.lines(text, Math.max(1, kind == Kind.USER ? w - 2 : w));
        }
    }
}
