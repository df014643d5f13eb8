package ai.holysheep.chat.stream;

import ai.holysheep.chat.api.CallFailure;
import ai.holysheep.chat.config.RetrySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides whether a failed attempt is worth another try and how long to wait first. Pure: the
 * clock (for Retry-After dates) and the randomness (for jitter) are given, nothing sleeps.
 */
public final class RetryPolicy {
    private static final Duration A_DAY = Duration.ofDays(1);
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final RetrySettings settings;
    private final Clock clock;
    private final RandomGenerator random;

    public RetryPolicy(RetrySettings settings, Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** What to do after a failure. */
    public sealed interface Decision {
        /** Try again after {@code delay}. */
        record Retry(Duration delay, String reason) implements Decision {
        }

        /** Retrying could help but will not happen now (retries used up, or the server asks for too long a wait). */
        record GiveUp(String message) implements Decision {
        }

        /** Asking again cannot help: the request itself, or the key, is at fault. */
        record Fail(FailureKind kind, String message) implements Decision {
        }
    }

    /**
     * @param retry which retry this would be, counting from 1 (the first failure asks about retry 1)
     */
    public Decision decide(CallFailure failure, int retry) {
        if (!retryable(failure)) {
            return new Decision.Fail(Failures.kind(failure), failure.describe());
        }
        if (retry > settings.maxRetries()) {
            return new Decision.GiveUp(failure.describe());
        }
        Optional<Duration> asked = serverAskedDelay(failure);
        if (asked.isPresent()) {
            Duration wait = asked.get();
            if (wait.compareTo(settings.maxRetryAfter()) > 0) {
                return new Decision.GiveUp(failure.describe() + "; " + tooLong(wait));
            }
            return new Decision.Retry(wait, failure.describe());
        }
        return new Decision.Retry(backoff(retry), failure.describe());
    }

    private String tooLong(Duration wait) {
        if (wait.compareTo(A_DAY) > 0) {
            // A typo or a ban, "until" some date months or millennia away tells nobody anything.
            return "the server asks to wait more than a day; try again later";
        }
        return "the server asks to wait " + Waits.human(wait)
                + " (until " + WALL_CLOCK.format(clock.instant().plus(wait).atZone(clock.getZone())) + "); try again then";
    }

    /**
     * Exponential backoff with jitter: {@code base · factor^(retry-1)}, moved by up to ±jitter,
     * never above the ceiling. Computed in doubles and clamped before converting, so no retry
     * number can overflow it.
     */
    public Duration backoff(int retry) {
        double base = settings.baseDelay().toMillis();
        double ceiling = settings.maxDelay().toMillis();
        double exponent = Math.max(0L, (long) retry - 1);
        double raw = base <= 0 ? 0 : base * Math.pow(settings.factor(), exponent);
        double clamped = Math.min(raw, ceiling);
        double spread = settings.jitter() * (2 * random.nextDouble() - 1);
        double jittered = Math.min(clamped * (1 + spread), ceiling);
        return Duration.ofMillis(Math.max(0, Math.round(jittered)));
    }

    /**
     * Network trouble, overload and server faults pass with time; a request the server refused
     * (400, 401, 403, 404, 422 and the rest of 4xx) would be refused again. 501 and 505 say the
     * server cannot do this at all. A corrupt stream is retried: it is nearly always a proxy or
     * connection fault, not the request's.
     */
    public static boolean retryable(CallFailure failure) {
        if (failure instanceof CallFailure.Http http) {
            int status = http.status();
            if (status == 200) {
                return !Failures.blamesRequest(http.error());
            }
            if (status == 408 || status == 409 || status == 429) {
                return true;
            }
            return status >= 500 && status != 501 && status != 505;
        }
        if (failure instanceof CallFailure.InStream in) {
            return !Failures.blamesRequest(in.error());
        }
        return true;
    }

    /** {@code retry-after-ms} first (more precise), then {@code Retry-After} in seconds or as an HTTP date. */
    Optional<Duration> serverAskedDelay(CallFailure failure) {
        if (!(failure instanceof CallFailure.Http http)) {
            return Optional.empty();
        }
        Optional<Duration> ms = number(http.retryAfterMs()).map(v -> Duration.ofMillis(Math.round(v)));
        if (ms.isPresent()) {
            return ms;
        }
        String header = http.retryAfter();
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Optional<Duration> seconds = number(header).map(v -> Duration.ofMillis(Math.round(v * 1000)));
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant until = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration left = Duration.between(clock.instant(), until);
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A non-negative finite number, capped far beyond any wait we would accept so it cannot overflow. */
    private static Optional<Double> number(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isNaN(v) || v < 0) {
                return Optional.empty();
            }
            return Optional.of(Math.min(v, 1e12));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
