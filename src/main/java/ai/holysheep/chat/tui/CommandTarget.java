package ai.holysheep.chat.tui;

/** What a slash command can make the chat do: all {@link Commands} knows of the screen. */
interface CommandTarget {
    /** A line in the transcript from the program; {@code problem} shows it as a warning. */
    void note(String text, boolean problem);

    void quit();

    void newConversation();

    /** The window listing the saved conversations. */
    void openHistory();

    /** Names the current conversation; a blank title is told, not taken. */
    void renameConversation(String title);

    /** Asks the last question again, in place of the answer it got. */
    void retry();

    /** Puts {@code text} into the draft at the caret. */
    void addToDraft(String text);

    /** Opens the draft in the user's editor; what it leaves comes back as the draft. */
    void editDraft();

    void copyLastAnswer();

    /** The Nth code block of the last answer, from 1. */
    void copyCodeBlock(int n);

    void openHelp();

    /** {@code /file}: a path or glob attaches, nothing lists what is attached, {@code -} drops it all. */
    void attach(String argument);

    /** The window to choose a model from. */
    void openPicker();

    /** From the next request on. */
    void switchModel(String model);

    void listRoles();

    /** From the next request on; an unknown name is told, not taken. */
    void useRole(String name);

    /** From the next request on; blank removes it. */
    void setSystemPrompt(String text);
}
