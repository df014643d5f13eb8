package ai.holysheep.chat.store;

/** The relayed requests of one member, model or day, added up. */
public record UsageTotal(String key, long requests, long promptTokens, long completionTokens, long wastedTokens,
                         double costUsd, long resumes, long failures) {
}
