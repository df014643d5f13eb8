package ai.holysheep.chat.render;

/** Writes a streamed answer somewhere as its deltas arrive. The caller flushes the destination. */
public interface AnswerPrinter {
    /** Takes the next piece of the answer. */
    void append(String delta);

    /** Ends the answer: whatever is held back is written, and output ends with a newline. */
    void finish();
}
