package ai.holysheep.chat.tui;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import java.util.List;
import java.util.function.Consumer;

/** The gateway as the screen uses it: streamed turns, the model list, and whether it is the simulated one. */
public interface Backend {
    /** A turn not yet started; its events go to {@code sink}, which only enqueues them. */
    Turn turn(ChatRequest request, Consumer<StreamEvent> sink);

    /** The gateway's model ids; called off the UI thread. */
    List<String> models() throws Exception;

    /** True when answers come from the built-in simulated gateway, not a real model. */
    boolean simulated();
}
