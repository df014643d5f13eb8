package ai.holysheep.chat.session;

import java.util.Locale;

/** The latest question (with the system prompt) alone is more than the model's context window takes. */
public final class ContextTooLongException extends RuntimeException {
    ContextTooLongException(String model, long window, long room, long needed) {
        super(String.format(Locale.ROOT,
                "the message is about %,d tokens, but %s's context window of %,d tokens holds %,d with room kept for the reply: shorten it or pick a model with a larger window",
                needed, model, window, Math.max(room, 0)));
    }
}
