package ai.holysheep.chat.render;

/**
 * The palette styled lines may use: the 16 colours every terminal has, plus one dark shade for
 * code-block backgrounds. {@link #index()} is the xterm-256 index, which both the ANSI writer
 * and the full-screen UI understand.
 */
public enum Color {
    BLACK(0), RED(1), GREEN(2), YELLOW(3), BLUE(4), MAGENTA(5), CYAN(6), WHITE(7),
    GRAY(8), BRIGHT_RED(9), BRIGHT_GREEN(10), BRIGHT_YELLOW(11), BRIGHT_BLUE(12),
    BRIGHT_MAGENTA(13), BRIGHT_CYAN(14), BRIGHT_WHITE(15),
    /** A near-black grey behind code blocks. */
    CODE_SHADE(236);

    private final int index;

    Color(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }
}
