package ai.holysheep.chat.tui;

/**
 * What a key can make the chat do besides editing the draft, scrolling the transcript and
 * working the open windows: all {@link Keys} knows of the screen itself.
 */
interface KeyTarget {
    /** A line in the transcript from the program; {@code problem} shows it as a warning. */
    void note(String text, boolean problem);

    /** Asks {@code text}; told, not sent, while an answer is still coming. */
    void send(String text);

    boolean turnRunning();

    /** Files wait for the next message, so Enter on an empty draft sends them alone. */
    boolean hasAttachments();

    /** Stops the answer being written; the part received stays. */
    void cancelTurn();

    void quit();

    /** Opens the draft in the user's editor; what it leaves comes back as the draft. */
    void editDraft();

    /** The columns the draft is wrapped to at the last frame, for moving up and down its lines. */
    int inputWidth();

    /** From the next request on (Enter in the model picker). */
    void switchModel(String model);

    /** Shows or folds the reasoning of the last answer that has some. */
    void toggleReasoning();

    /** The next frame draws every cell again. */
    void repaint();

    /** The open help window, or null. */
    HelpDialog help();

    void closeHelp();
}
