package ai.holysheep.chat.render;

/** Writes a streamed answer somewhere as its deltas arrive. The caller flushes the destination. */
public interface AnswerPrinter {
    /** Takes the next piece of the answer. */
    void append(String delta);

    /** Ends the answer: whatever is held back is written, and output ends with a newline. */
    void finish();

    /**
     * Ends an answer that a restarted one replaces (the connection broke and the new answer
     * differs). What is already written stays written; a printer that holds the answer back
     * drops it, so only the new one comes out.
     */
    default void abandon() {
        finish();
    }
}
