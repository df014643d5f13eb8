package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.DisplayWidth;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.ScreenBuffer;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.EnumSet;

/**
 * A screen whose picture stays right on terminals that draw some characters wider or narrower
 * than the chat counts them (tmux, xterm and VTE draw ✔️ one cell wide, tmux draws 👍🏽 as
 * four). Lanterna writes only the cells that changed and trusts the terminal's cursor to be
 * where its own count says; after one such character every later cell of the row landed one
 * or two cells off, and cells the count said were covered kept whatever they showed before.
 *
 * <p>Here a row that changed is written whole, from its first cell, so nothing drawn earlier
 * survives beside it; after a character whose width terminals disagree on
 * ({@link DisplayWidth#uncertain}) the cursor is placed by its absolute position, and a
 * two-cell one is drawn over two blanks, so a terminal that draws it one cell wide shows a
 * blank in the second cell rather than a stale one. A row holding such a character also has
 * the row below written, where a character drawn wider at the right edge may have spilled.
 * Every refresh other than {@code DELTA} repaints the whole screen (Ctrl+L, a resize).
 */
final class WidthSafeScreen extends TerminalScreen {
    private boolean started;

    WidthSafeScreen(Terminal terminal) throws IOException {
        super(terminal);
    }

    @Override
    public synchronized void startScreen() throws IOException {
        super.startScreen();
        started = true;
    }

    @Override
    public synchronized void stopScreen(boolean flushInput) throws IOException {
        super.stopScreen(flushInput);
        started = false;
    }

    @Override
    public synchronized void refresh(RefreshType type) throws IOException {
        if (!started) {
            return;
        }
        Terminal terminal = getTerminal();
        boolean whole = type != RefreshType.DELTA;
        if (whole) {
            terminal.resetColorAndSGR();
            terminal.clearScreen();
        }
        Pen pen = new Pen(terminal);
        ScreenBuffer back = getBackBuffer();
        ScreenBuffer front = getFrontBuffer();
        TerminalSize size = getTerminalSize();
        boolean spilled = false;
        for (int row = 0; row < size.getRows(); row++) {
            if (whole || spilled || changed(back, front, row, size.getColumns())) {
                spilled = writeRow(back, row, size.getColumns(), pen);
            } else {
                spilled = false;
            }
        }
        placeCursor(terminal, back);
        terminal.flush();
        back.copyTo(front);
    }

    private static boolean changed(ScreenBuffer back, ScreenBuffer front, int row, int columns) {
        for (int col = 0; col < columns; col++) {
            if (!back.getCharacterAt(col, row).equals(front.getCharacterAt(col, row))) {
                return true;
            }
        }
        return false;
    }

    /** Writes every cell of {@code row}; returns whether it holds a character of uncertain width. */
    private static boolean writeRow(ScreenBuffer back, int row, int columns, Pen pen) throws IOException {
        Terminal terminal = pen.terminal;
        terminal.setCursorPosition(0, row);
        boolean uncertain = false;
        int col = 0;
        while (col < columns) {
            TextCharacter cell = back.getCharacterAt(col, row);
            int width = cell.isDoubleWidth() && col + 1 < columns ? 2 : 1;
            String text = cell.getCharacterString();
            pen.use(cell);
            if (DisplayWidth.uncertain(text)) {
                uncertain = true;
                if (width == 2) {
                    terminal.putString("  ");
                    terminal.setCursorPosition(col, row);
                }
                terminal.putString(text);
                if (col + width < columns) {
                    terminal.setCursorPosition(col + width, row);
                }
            } else {
                terminal.putString(text);
            }
            col += width;
        }
        return uncertain;
    }

    private void placeCursor(Terminal terminal, ScreenBuffer back) throws IOException {
        TerminalPosition cursor = getCursorPosition();
        if (cursor == null) {
            terminal.setCursorVisible(false);
            return;
        }
        terminal.setCursorVisible(true);
        int col = cursor.getColumn();
        // On the second cell of a wide character the cursor belongs on the character itself.
        if (col > 0 && back.getCharacterAt(col - 1, cursor.getRow()).isDoubleWidth()) {
            col--;
        }
        terminal.setCursorPosition(col, cursor.getRow());
    }

    /** The colours and attributes last sent, so each cell sends only what differs. */
    private static final class Pen {
        private final Terminal terminal;
        private TextColor foreground;
        private TextColor background;
        private final EnumSet<SGR> modifiers = EnumSet.noneOf(SGR.class);

        Pen(Terminal terminal) throws IOException {
            this.terminal = terminal;
            terminal.resetColorAndSGR();
        }

        void use(TextCharacter cell) throws IOException {
            EnumSet<SGR> wanted = cell.getModifiers();
            if (!modifiers.equals(wanted)) {
                for (SGR sgr : SGR.values()) {
                    if (modifiers.contains(sgr) && !wanted.contains(sgr)) {
                        terminal.disableSGR(sgr);
                    } else if (!modifiers.contains(sgr) && wanted.contains(sgr)) {
                        terminal.enableSGR(sgr);
                    }
                }
                modifiers.clear();
                modifiers.addAll(wanted);
            }
            if (!cell.getForegroundColor().equals(foreground)) {
                foreground = cell.getForegroundColor();
                terminal.setForegroundColor(foreground);
            }
            if (!cell.getBackgroundColor().equals(background)) {
                background = cell.getBackgroundColor();
                terminal.setBackgroundColor(background);
            }
        }
    }
}
