package ai.holysheep.chat.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** What each key does in the chat; the draft's editing keys are {@link InputEditing}'s. */
final class Keys {
    private final KeyTarget ui;
    private final InputBox input;
    private final MessagePane pane;
    private final Commands commands;
    private final ModelSwitcher models;
    private final Conversations conversations;
    /** The last key was a Ctrl+C that stopped an answer: one more Ctrl+C right after it does not quit. */
    private boolean cancelledByCtrlC;
    private final InputEditing editing;
    /** Ctrl+X was pressed: Ctrl+E next opens the draft in the editor, as in bash. */
    private boolean afterCtrlX;

    Keys(KeyTarget ui, InputBox input, MessagePane pane, Commands commands, ModelSwitcher models,
         Conversations conversations) {
        this.ui = ui;
        this.input = input;
        this.pane = pane;
        this.commands = commands;
        this.models = models;
        this.conversations = conversations;
        this.editing = new InputEditing(input);
    }

    void handle(KeyStroke key) {
        if (!(key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'c')) {
            cancelledByCtrlC = false;
        }
        if (editing.marker(key)) {
            return;
        }
        if (ui.help() != null) {
            help(key);
            return;
        }
        if (models.picker != null) {
            models.key(key, ui::switchModel);
            return;
        }
        if (conversations.list != null) {
            history(key);
            return;
        }
        if (editing.pasting()) {
            editing.paste(key);
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
        if (type == KeyType.Character && key.isCtrlDown() && !key.isAltDown()) {
            if (control(Character.toLowerCase(key.getCharacter()))) {
                return;
            }
        }
        if (editing.edit(key, ui.inputWidth())) {
            return;
        }
        switch (type) {
            case Enter -> submit();
            case Escape -> ui.cancelTurn();
            case Home -> {
                if (input.isEmpty() || key.isCtrlDown()) {
                    pane.home();
                } else {
                    input.lineStart();
                }
            }
            case End -> {
                if (input.isEmpty() || key.isCtrlDown()) {
                    pane.end();
                } else {
                    input.lineEnd();
                }
            }
            case PageUp -> pane.pageUp();
            case PageDown -> pane.pageDown();
            case F1 -> commands.help();
            case F2 -> models.open();
            case F3 -> conversations.openList();
            case F4 -> ui.toggleReasoning();
            case EOF -> ui.quit();
            default -> {
            }
        }
    }

    /** The control keys that act on the chat rather than the draft; false for the others. */
    private boolean control(char c) {
        switch (c) {
            case 'l' -> ui.repaint();
            case 'c' -> {
                // A draft is never lost to Ctrl+C, nor is a second press while stopping an answer a quit.
                boolean afterCancel = cancelledByCtrlC;
                cancelledByCtrlC = false;
                if (ui.turnRunning()) {
                    ui.cancelTurn();
                    cancelledByCtrlC = true;
                } else if (!input.isEmpty()) {
                    input.discard();
                } else if (!afterCancel) {
                    ui.quit();
                }
            }
            case 'x' -> afterCtrlX = true;
            case 'd' -> {
                if (input.isEmpty()) {
                    ui.quit();
                } else {
                    input.delete();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void submit() {
        String text = input.text();
        if (text.isBlank() && !ui.hasAttachments()) {
            return;
        }
        if (commands.isCommand(text)) {
            input.submit();
            commands.run(text.strip());
            return;
        }
        if (ui.turnRunning()) {
            ui.note("An answer is still coming; Esc stops it.", true);
            return;
        }
        ui.send(input.submit());
    }

    /** Any key closes the help, but for the arrows and pages while some of it is out of sight. */
    private void help(KeyStroke key) {
        HelpDialog h = ui.help();
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

    private void history(KeyStroke key) {
        Conversations c = conversations;
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
