package ai.holysheep.chat.store;

import java.time.Instant;

/**
 * One request a team relay passed upstream, for accounting.
 *
 * @param status        the HTTP status the member got, or for a stream that broke after it began,
 *                      the status it began with
 * @param outcome       how it ended: {@code done}, {@code failed}, {@code gave_up}, {@code left}
 *                      (the member closed the connection) or {@code stopped} (the relay shut down)
 * @param wastedTokens  tokens spent on attempts whose output retries threw away
 * @param resumes       times a stream broken mid-answer was taken up again
 */
public record RelayedRequest(String member, String model, Instant at, int status, String outcome,
                             long promptTokens, long completionTokens, long wastedTokens, double costUsd,
                             long durationMillis, int retries, int resumes) {
}
