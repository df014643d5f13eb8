package ai.holysheep.chat.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * What each key does. Lanterna hands an emoji over as two keystrokes, one per UTF-16 half; they
 * are joined here before reaching the input. Inside a bracketed paste, Enter is a newline.
 */
final class Keys {
    private final ChatScreen ui;
    private char pendingHigh;
    /** The last key was a Ctrl+C that stopped an answer: one more Ctrl+C right after it does not quit. */
    private boolean cancelledByCtrlC;
    private boolean pasting;
    /** Ctrl+X was pressed: Ctrl+E next opens the draft in the editor, as in bash. */
    private boolean afterCtrlX;

    Keys(ChatScreen ui) {
        this.ui = ui;
    }

    void handle(KeyStroke key) {
        if (!(key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'c')) {
            cancelledByCtrlC = false;
        }
        if (key instanceof BracketedPaste.Marker marker) {
            pasting = marker.isStart();
            return;
        }
        if (ui.help != null) {
            help(key);
            return;
        }
        if (ui.models.picker != null) {
            picker(key);
            return;
        }
        if (ui.conversations.list != null) {
            history(key);
            return;
        }
        if (pasting) {
            paste(key);
            return;
        }
        KeyType type = key.getKeyType();
        if (afterCtrlX) {
            afterCtrlX = false;
            if (type == KeyType.Character && key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'e') {
                ui.editDraft();
                return;
            }
        }
        if (type == KeyType.Character) {
            character(key);
            return;
        }
        InputBox in = ui.input;
        switch (type) {
            case Enter -> {
                if (key.isAltDown()) {
                    in.insert("\n");
                } else {
                    submit();
                }
            }
            case Escape -> ui.cancelTurn();
            case Backspace -> in.backspace();
            case Delete -> in.delete();
            case ArrowLeft -> in.left();
            case ArrowRight -> in.right();
            case ArrowUp -> in.up(ui.inputWidth());
            case ArrowDown -> in.down(ui.inputWidth());
            case Home -> {
                if (in.isEmpty() || key.isCtrlDown()) {
                    ui.pane.home();
                } else {
                    in.lineStart();
                }
            }
            case End -> {
                if (in.isEmpty() || key.isCtrlDown()) {
                    ui.pane.end();
                } else {
                    in.lineEnd();
                }
            }
            case PageUp -> ui.pane.pageUp();
            case PageDown -> ui.pane.pageDown();
            case Tab -> in.insert("    ");
            case F1 -> ui.commands.help();
            case F2 -> ui.openPicker();
            case F3 -> ui.conversations.openList();
            case F4 -> ui.toggleReasoning();
            case EOF -> ui.quit();
            default -> {
            }
        }
    }

    private void character(KeyStroke key) {
        char c = key.getCharacter();
        InputBox in = ui.input;
        if (key.isCtrlDown() && !key.isAltDown()) {
            switch (Character.toLowerCase(c)) {
                case 'a' -> in.lineStart();
                case 'e' -> in.lineEnd();
                case 'u' -> in.killToLineStart();
                case 'k' -> in.killToLineEnd();
                case 'w' -> in.killWordBack();
                case 'j' -> in.insert("\n");
                case 'l' -> ui.repaint();
                case 'c' -> {
                    // A draft is never lost to Ctrl+C, nor is a second press while stopping an answer a quit.
                    boolean afterCancel = cancelledByCtrlC;
                    cancelledByCtrlC = false;
                    if (ui.turnRunning()) {
                        ui.cancelTurn();
                        cancelledByCtrlC = true;
                        return;
                    } else if (!in.isEmpty()) {
                        in.discard();
                    } else if (!afterCancel) {
                        ui.quit();
                    }
                }
                case 'z' -> in.undoDiscard();
                case 'x' -> afterCtrlX = true;
                case 'd' -> {
                    if (in.isEmpty()) {
                        ui.quit();
                    } else {
                        in.delete();
                    }
                }
                default -> {
                }
            }
            return;
        }
        type(c);
    }

    /** Typed text, joining the two halves of a character outside the BMP. */
    private void type(char c) {
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
            return;
        }
        if (Character.isLowSurrogate(c)) {
            if (pendingHigh != 0) {
                ui.input.insert(new String(new char[] {pendingHigh, c}));
            }
            pendingHigh = 0;
            return;
        }
        pendingHigh = 0;
        ui.input.insert(String.valueOf(c));
    }

    private void paste(KeyStroke key) {
        switch (key.getKeyType()) {
            case Character -> {
                // A pasted LF decodes as Ctrl+J; a paste is text, so it stays a newline.
                if (key.isCtrlDown() && key.getCharacter() == 'j') {
                    ui.input.insert("\n");
                } else {
                    type(key.getCharacter());
                }
            }
            case Enter -> ui.input.insert("\n");
            case Tab -> ui.input.insert("\t"); // a paste is sent byte for byte: TSV, Makefiles, Go
            default -> {
            }
        }
    }

    private void submit() {
        String text = ui.input.text();
        if (text.isBlank()) {
            return;
        }
        if (ui.commands.isCommand(text)) {
            ui.input.submit();
            ui.commands.run(text.strip());
            return;
        }
        if (ui.turnRunning()) {
            ui.note("An answer is still coming; Esc stops it.", true);
            return;
        }
        ui.send(ui.input.submit());
    }

    /** Any key closes the help, but for the arrows and pages while some of it is out of sight. */
    private void help(KeyStroke key) {
        HelpDialog h = ui.help;
        if (h.scrolls()) {
            switch (key.getKeyType()) {
                case ArrowUp -> h.up(1);
                case ArrowDown -> h.down(1);
                case PageUp -> h.up(h.pageRows());
                case PageDown -> h.down(h.pageRows());
                default -> ui.closeHelp();
            }
        } else {
            ui.closeHelp();
        }
        if (key.getKeyType() == KeyType.EOF) {
            ui.quit();
        }
    }

    private void picker(KeyStroke key) {
        ModelPicker p = ui.models.picker;
        switch (key.getKeyType()) {
            case Escape, F2 -> ui.models.close();
            case ArrowUp -> p.up();
            case ArrowDown -> p.down();
            case Backspace -> p.backspace();
            case Enter -> {
                String id = p.selectedId();
                ui.models.close();
                if (id != null) {
                    ui.switchModel(id);
                }
            }
            case Character -> {
                if (key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'c') {
                    ui.models.close();
                } else if (!key.isCtrlDown()) {
                    p.type(String.valueOf(key.getCharacter()));
                }
            }
            default -> {
            }
        }
    }

    private void history(KeyStroke key) {
        Conversations c = ui.conversations;
        HistoryList list = c.list;
        switch (key.getKeyType()) {
            case Escape, F3 -> c.closeList();
            case ArrowUp -> list.up();
            case ArrowDown -> list.down();
            case PageUp -> list.pageUp(10);
            case PageDown -> list.pageDown(10);
            case Enter -> c.openSelected();
            case Backspace -> {
                list.backspace();
                c.filterChanged();
            }
            case Character -> {
                char ch = key.getCharacter();
                if (key.isCtrlDown() && Character.toLowerCase(ch) == 'c') {
                    c.closeList();
                } else if (!key.isCtrlDown() && !Character.isSurrogate(ch)) {
                    list.type(String.valueOf(ch));
                    c.filterChanged();
                }
            }
            default -> {
            }
        }
    }
}
