package ai.holysheep.chat.api;

import java.util.OptionalLong;

/**
 * One model a gateway's {@code /models} lists.
 *
 * @param contextWindow the tokens its context holds, when the gateway says so
 */
public record ModelInfo(String id, OptionalLong contextWindow) {
}
