package ai.holysheep.chat.serve;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each member's share of the relay: at most {@code maxStreams} requests open at once and
 * {@code perMinute} started in any sixty seconds (a sliding window, so a burst at the end of one
 * minute cannot be followed by another at the start of the next).
 */
final class Gate {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int maxStreams;
    private final int perMinute;
    private final RateWindow started;
    private final Map<String, Integer> open = new HashMap<>();

    Gate(int maxStreams, int perMinute, Clock clock) {
        this.maxStreams = maxStreams;
        this.perMinute = perMinute;
        this.started = new RateWindow(perMinute, WINDOW, clock);
    }

    sealed interface Admission {
    }

    /** Admitted; {@link #release} must be called once when the request ends. */
    record Admitted(Gate gate, String member) implements Admission {
        void release() {
            gate.release(member);
        }
    }

    /** Over a limit; the member may try again after {@code retryAfter}. */
    record Refused(Duration retryAfter, String message) implements Admission {
    }

    synchronized Admission admit(String member) {
        if (open.getOrDefault(member, 0) >= maxStreams) {
            return new Refused(Duration.ofSeconds(1),
                    "too many requests at once: a member may have " + maxStreams + " open");
        }
        Optional<Duration> wait = started.take(member);
        if (wait.isPresent()) {
            return new Refused(wait.get(), "too many requests: a member may start " + perMinute + " a minute");
        }
        open.merge(member, 1, Integer::sum);
        return new Admitted(this, member);
    }

    private synchronized void release(String member) {
        open.merge(member, -1, Integer::sum);
    }
}
