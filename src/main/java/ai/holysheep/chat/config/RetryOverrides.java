package ai.holysheep.chat.config;

import java.time.Duration;

/** Retry settings given on the command line; null means the flag was not given. */
public record RetryOverrides(Integer maxRetries, Duration idleTimeout, Duration connectTimeout, ResumeMode resume) {
    static final RetryOverrides NONE = new RetryOverrides(null, null, null, null);

    /** The file's (or default) settings with every given flag put over them. */
    public RetrySettings applyTo(RetrySettings s) {
        return new RetrySettings(
                maxRetries != null ? maxRetries : s.maxRetries(),
                s.baseDelay(), s.factor(), s.maxDelay(), s.jitter(),
                idleTimeout != null ? idleTimeout : s.idleTimeout(),
                connectTimeout != null ? connectTimeout : s.connectTimeout(),
                s.maxRetryAfter(),
                resume != null ? resume : s.resume(),
                s.maxEventSize());
    }
}
