package ai.holysheep.chat.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * The keys that edit a draft, the same on every full screen that has an input box. Lanterna hands
 * an emoji over as two keystrokes, one per UTF-16 half; they are joined here before reaching the
 * input. Inside a bracketed paste, Enter is a newline and a tab stays a tab.
 */
final class InputEditing {
    private final InputBox in;
    private char pendingHigh;
    private boolean pasting;

    InputEditing(InputBox in) {
        this.in = in;
    }

    /** Takes a paste's start or end marker; true when {@code key} was one. */
    boolean marker(KeyStroke key) {
        if (key instanceof BracketedPaste.Marker marker) {
            pasting = marker.isStart();
            return true;
        }
        return false;
    }

    boolean pasting() {
        return pasting;
    }

    /**
     * Edits the draft when {@code key} is an editing key: typing, moving within it, deleting,
     * a new line; {@code inputWidth} is the box's width, for Up and Down. False for any other key.
     */
    boolean edit(KeyStroke key, int inputWidth) {
        KeyType type = key.getKeyType();
        if (type == KeyType.Character) {
            char c = key.getCharacter();
            if (!key.isCtrlDown() || key.isAltDown()) {
                type(c);
                return true;
            }
            switch (Character.toLowerCase(c)) {
                case 'a' -> in.lineStart();
                case 'e' -> in.lineEnd();
                case 'u' -> in.killToLineStart();
                case 'k' -> in.killToLineEnd();
                case 'w' -> in.killWordBack();
                case 'j' -> in.insert("\n");
                case 'z' -> in.undoDiscard();
                default -> {
                    return false;
                }
            }
            return true;
        }
        switch (type) {
            case Enter -> {
                if (!key.isAltDown()) {
                    return false;
                }
                in.insert("\n");
            }
            case Backspace -> in.backspace();
            case Delete -> in.delete();
            case ArrowLeft -> in.left();
            case ArrowRight -> in.right();
            case ArrowUp -> in.up(inputWidth);
            case ArrowDown -> in.down(inputWidth);
            case Tab -> in.insert("    ");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A key inside a bracketed paste: text, byte for byte. */
    void paste(KeyStroke key) {
        switch (key.getKeyType()) {
            case Character -> {
                // A pasted LF decodes as Ctrl+J; a paste is text, so it stays a newline.
                if (key.isCtrlDown() && key.getCharacter() == 'j') {
                    in.insert("\n");
                } else {
                    type(key.getCharacter());
                }
            }
            case Enter -> in.insert("\n");
            case Tab -> in.insert("\t"); // a paste is sent byte for byte: TSV, Makefiles, Go
            default -> {
            }
        }
    }

    /** Typed text, joining the two halves of a character outside the BMP. */
    private void type(char c) {
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
            return;
        }
        if (Character.isLowSurrogate(c)) {
            if (pendingHigh != 0) {
                in.insert(new String(new char[] {pendingHigh, c}));
            }
            pendingHigh = 0;
            return;
        }
        pendingHigh = 0;
        in.insert(String.valueOf(c));
    }
}
