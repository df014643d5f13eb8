package ai.holysheep.chat.tui;

import java.util.Locale;

/** The slash commands typed into the input. */
final class Commands {
    static final String HELP = String.join("\n",
            "Keys",
            "  Enter send · Alt+Enter (or Ctrl+J) new line · pasted text stays one message",
            "  Esc stop the answer being written (the part received stays) · Ctrl+C the same, clears a draft (Ctrl+Z brings it back), or quits on an empty input",
            "  ←/→ Home/End Ctrl+A/E move · Backspace/Delete Ctrl+U/K/W delete · ↑ on an empty input: earlier prompts",
            "  PgUp/PgDn scroll · Home/End (empty input) or Ctrl+Home/End: top/bottom of the conversation",
            "  F1 this help · F2 switch model · F3 saved conversations · F4 show/fold the reasoning · Ctrl+L repaint the screen · Ctrl+D (empty input) quit",
            "  Ctrl+X Ctrl+E edit the draft in $VISUAL or $EDITOR",
            "Commands",
            "  /model [NAME]  switch model (no name: choose from a list)",
            "  /new           start a new conversation",
            "  /history       saved conversations: type to filter, Enter continues one (also F3)",
            "  /title TEXT    rename the current conversation",
            "  /system TEXT   set the system prompt (no text: remove it)",
            "  /role NAME     answer in a role: its system prompt, model, temperature (no name: list them)",
            "  /retry         ask the last question again",
            "  /edit [TEXT]   write the message in $VISUAL or $EDITOR (Ctrl+X Ctrl+E: the draft); it comes back as the draft",
            "  /copy [N]      copy the last answer to the clipboard (N: only its Nth code block)",
            "  /file PATH     attach a file, directory or glob to the next message (shown above the input; /file alone lists, /file - drops them)",
            "  /help          this help",
            "  /quit          leave");

    private final CommandTarget ui;

    Commands(CommandTarget ui) {
        this.ui = ui;
    }

    /** True for {@code /word…}; a message that merely starts with a path ("/etc/hosts is…") is not. */
    boolean isCommand(String text) {
        String t = text.strip();
        if (!t.startsWith("/") || t.length() < 2) {
            return false;
        }
        String word = t.substring(1).split("\\s", 2)[0];
        return word.chars().allMatch(Character::isLetter);
    }

    void help() {
        ui.openHelp();
    }

    void run(String line) {
        String[] parts = line.substring(1).split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (name) {
            case "help", "h", "?" -> help();
            case "quit", "q", "exit" -> ui.quit();
            case "new" -> ui.newConversation();
            case "history", "conversations" -> ui.openHistory();
            case "title", "rename" -> ui.renameConversation(arg);
            case "retry" -> ui.retry();
            case "file", "attach" -> ui.attach(arg);
            case "edit" -> {
                // The input held "/edit TEXT": TEXT is the draft to open.
                ui.addToDraft(arg);
                ui.editDraft();
            }
            case "copy" -> {
                if (arg.isEmpty()) {
                    ui.copyLastAnswer();
                } else if (arg.matches("[0-9]{1,6}")) {
                    ui.copyCodeBlock(Integer.parseInt(arg));
                } else {
                    ui.note("/copy takes the number of a code block (/copy 1 for the first), or nothing for the whole answer.", true);
                }
            }
            case "model", "models" -> {
                if (arg.isEmpty()) {
                    ui.openPicker();
                } else {
                    ui.switchModel(arg);
                }
            }
            case "role", "roles" -> {
                if (arg.isEmpty()) {
                    ui.listRoles();
                } else {
                    ui.useRole(arg);
                }
            }
            case "system" -> {
                ui.setSystemPrompt(arg);
                ui.note(arg.isEmpty() ? "System prompt removed." : "System prompt set for the next request.", false);
            }
            default -> ui.note("Unknown command /" + name + "; /help lists them.", true);
        }
    }
}
