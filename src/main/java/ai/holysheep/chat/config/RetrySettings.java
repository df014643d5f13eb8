package ai.holysheep.chat.config;

import java.time.Duration;

/** How hard a turn fights a bad network. */
public record RetrySettings(
        int maxRetries,
        Duration baseDelay,
        double factor,
        Duration maxDelay,
        double jitter,
        Duration idleTimeout,
        Duration connectTimeout,
        Duration maxRetryAfter,
        ResumeMode resume,
        long maxEventSize) {

    /** A server-sent event larger than this (in bytes) is a protocol failure, not a reason to run out of memory. */
    public static final long DEFAULT_MAX_EVENT_SIZE = 4L << 20;

    public static final RetrySettings DEFAULTS = new RetrySettings(
            8, Duration.ofMillis(500), 1.5, Duration.ofSeconds(15), 0.2,
            Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), ResumeMode.CONTINUE);

    /** With the default event size cap. */
    public RetrySettings(int maxRetries, Duration baseDelay, double factor, Duration maxDelay, double jitter,
            Duration idleTimeout, Duration connectTimeout, Duration maxRetryAfter, ResumeMode resume) {
        this(maxRetries, baseDelay, factor, maxDelay, jitter, idleTimeout, connectTimeout, maxRetryAfter, resume,
                DEFAULT_MAX_EVENT_SIZE);
    }
}
