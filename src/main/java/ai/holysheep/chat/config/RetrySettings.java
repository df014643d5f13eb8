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
        ResumeMode resume) {

    public static final RetrySettings DEFAULTS = new RetrySettings(
            8, Duration.ofMillis(500), 1.5, Duration.ofSeconds(15), 0.2,
            Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), ResumeMode.CONTINUE);
}
