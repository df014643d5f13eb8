package ai.holysheep.chat.store;

import java.time.Instant;

/**
 * What one saved answer used and cost, with the conversation it belongs to. The token counts
 * are the whole turn's, retried attempts included; {@code wastedTokens} is the part of them
 * spent on attempts that broke. Any number is null when it is not known: the server reported no
 * usage, the model has no price, or (wasted) the answer was saved before it was recorded.
 */
public record AnswerUsage(long conversationId, String title, String model, Instant at, Integer promptTokens,
                          Integer completionTokens, Integer wastedTokens, Double cost) {
}
