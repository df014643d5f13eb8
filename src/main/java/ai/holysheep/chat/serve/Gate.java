package ai.holysheep.chat.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Each member's share of the relay: at most {@code maxStreams} requests open at once and
 * {@code perMinute} started in any sixty seconds (a sliding window, so a burst at the end of one
 * minute cannot be followed by another at the start of the next).
 */
final class Gate {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int maxStreams;
    private final int perMinute;
    private final Clock clock;
    private final Map<String, Share> shares = new HashMap<>();

    Gate(int maxStreams, int perMinute, Clock clock) {
        this.maxStreams = maxStreams;
        this.perMinute = perMinute;
        this.clock = clock;
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
        Share share = shares.computeIfAbsent(member, m -> new Share());
        Instant now = clock.instant();
        while (!share.started.isEmpty() && !share.started.peekFirst().plus(WINDOW).isAfter(now)) {
            share.started.removeFirst();
        }
        if (share.open >= maxStreams) {
            return new Refused(Duration.ofSeconds(1),
                    "too many requests at once: a member may have " + maxStreams + " open");
        }
        if (share.started.size() >= perMinute) {
            Duration wait = Duration.between(now, share.started.peekFirst().plus(WINDOW));
            return new Refused(wait, "too many requests: a member may start " + perMinute + " a minute");
        }
        share.open++;
        share.started.addLast(now);
        return new Admitted(this, member);
    }

    private synchronized void release(String member) {
        Share share = shares.get(member);
        share.open--;
    }

    private static final class Share {
        int open;
        final ArrayDeque<Instant> started = new ArrayDeque<>();
    }
}
