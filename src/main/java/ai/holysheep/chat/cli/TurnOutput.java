package ai.holysheep.chat.cli;

import ai.holysheep.chat.stream.StreamEvent;

/** Shows one turn's events in one-shot mode. */
interface TurnOutput {
    void show(StreamEvent event);

    /** Called once the request is sent: set-up that can wait until then is done here. */
    default void prepare() {
    }

    /** Called whenever no further event is waiting, so output is flushed in batches, not per token. */
    void flush();

    /** Reports a failure that happened outside the stream (a config error, say). */
    void error(String message, int exitCode);
}
