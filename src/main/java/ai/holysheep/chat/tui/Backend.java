package ai.holysheep.chat.tui;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The gateway as the screen uses it: streamed turns, the model list, and whether it is the simulated one. */
public interface Backend {
    /**
     * A turn not yet started; its events go to {@code sink}, which only enqueues them.
     * Throws when the gateway could not be set up.
     */
    Turn turn(ChatRequest request, Consumer<StreamEvent> sink);

    /** The gateway's model ids; called off the UI thread. */
    List<String> models() throws Exception;

    /**
     * Called once the first frame is on the screen: slow set-up (TLS, the simulated gateway)
     * starts here on {@code background}, so it never delays that frame.
     */
    default void prepare(Executor background) {
    }

    /** True when answers come from the built-in simulated gateway, not a real model. */
    boolean simulated();
}
