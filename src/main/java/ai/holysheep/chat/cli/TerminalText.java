package ai.holysheep.chat.cli;

/**
 * Text that came from the network (titles, answers) made safe and measured for a terminal.
 * Stripping every C0/C1 control but newline and tab means a stored answer cannot move the
 * cursor, retitle the window or hide text when it is printed again later.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** Without ESC, DEL and the other C0/C1 controls; newlines and tabs stay. */
    static String sanitize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp == '\n' || cp == '\t' || !isControl(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Sanitised and on one line: line breaks and tabs become spaces (for one-row-per-item output). */
    static String oneLine(String text) {
        return sanitize(text.replace("\r\n", " ").replace('\n', ' ').replace('\t', ' ')).strip();
    }

    /** Columns a terminal uses to draw the text: wide East Asian characters and emoji 2, marks 0. */
    static int width(String text) {
        return text.codePoints().map(TerminalText::columns).sum();
    }

    /** Cut to at most {@code max} columns, with an ellipsis when something was cut. */
    static String fit(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int cp : text.codePoints().toArray()) {
            int w = columns(cp);
            if (used + w > max - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
        }
        return out.append('…').toString();
    }

    /** Padded with spaces on the right to {@code columns} display columns. */
    static String padRight(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - width(text)));
    }

    static String padLeft(String text, int columns) {
        return " ".repeat(Math.max(0, columns - width(text))) + text;
    }

    private static boolean isControl(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
    }

    private static int columns(int cp) {
        if (isControl(cp)) {
            return 0;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
