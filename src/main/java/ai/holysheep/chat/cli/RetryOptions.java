package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.Durations;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetryOverrides;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How hard to fight a bad network; shared by every command that streams answers. */
public final class RetryOptions {
    @Option(names = "--max-retries", paramLabel = "N",
            description = "Retries in a row before giving up (0-100; default 8, or [retry] max_retries).")
    Integer maxRetries;

    @Option(names = "--idle-timeout", paramLabel = "DURATION",
            description = "Silence that counts as a stalled stream, e.g. 30s (default 30s).")
    String idleTimeout;

    @Option(names = "--connect-timeout", paramLabel = "DURATION",
            description = "Time allowed to connect, e.g. 10s (default 10s).")
    String connectTimeout;

    @Option(names = "--resume", paramLabel = "MODE",
            description = "After a drop mid-answer: continue (send the partial answer back) or restart (ask again, show only what is new).")
    String resume;

    /** @throws CliException (exit 2) naming the flag whose value is wrong */
    public RetryOverrides overrides() {
        if (maxRetries != null && (maxRetries < 0 || maxRetries > 100)) {
            throw new CliException(ExitCode.USAGE, "--max-retries must be between 0 and 100, not " + maxRetries);
        }
        return new RetryOverrides(maxRetries, duration("--idle-timeout", idleTimeout),
                duration("--connect-timeout", connectTimeout), resumeMode());
    }

    private static Duration duration(String flag, String text) {
        if (text == null) {
            return null;
        }
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, flag + ": " + e.getMessage());
        }
        if (d.isZero()) {
            throw new CliException(ExitCode.USAGE, flag + " must be longer than 0");
        }
        return d;
    }

    private ResumeMode resumeMode() {
        if (resume == null) {
            return null;
        }
        return switch (resume.toLowerCase(Locale.ROOT)) {
            case "continue" -> ResumeMode.CONTINUE;
            case "restart" -> ResumeMode.RESTART;
            default -> throw new CliException(ExitCode.USAGE, "--resume must be continue or restart, not '" + resume + "'");
        };
    }
}
