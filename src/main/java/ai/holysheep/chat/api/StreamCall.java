package ai.holysheep.chat.api;

/** A streamed call in flight. */
public interface StreamCall {
    /** Stops the call and releases its connection; no callback follows a cancel. */
    void cancel();
}
