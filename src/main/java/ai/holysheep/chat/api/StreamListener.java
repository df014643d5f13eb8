package ai.holysheep.chat.api;

/**
 * Callbacks of one streamed call. They run on OkHttp's threads, so implementations only hand
 * things on; exactly one of {@link #onEnd} or {@link #onFailure} ends every call that was not
 * cancelled by us.
 */
public interface StreamListener {
    /** The server accepted the request and the stream is open. */
    default void onOpen() {
    }

    void onChunk(Chunk chunk);

    /** The stream ended cleanly; {@code sawDone} tells whether {@code data: [DONE]} was sent. */
    void onEnd(boolean sawDone);

    void onFailure(CallFailure failure);
}
