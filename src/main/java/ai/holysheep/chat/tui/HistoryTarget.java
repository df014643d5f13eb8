package ai.holysheep.chat.tui;

import java.util.List;

/** Where the saved history shows what it reads: all {@link Conversations} knows of the screen. */
interface HistoryTarget {
    /** A line in the transcript from the program; {@code problem} shows it as a warning. */
    void note(String text, boolean problem);

    /** While an answer is coming, no other conversation may take its place. */
    boolean turnRunning();

    /**
     * Shows {@code entries} in place of the transcript, following its end, with {@code model}
     * the one in use and the connection ready for the next question.
     */
    void showTranscript(List<Entry> entries, String model);
}
