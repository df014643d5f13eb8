package ai.holysheep.chat.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code limit} events per key in any {@code window} (a sliding window, so a burst at the
 * end of one window cannot be followed at once by another at the start of the next).
 */
final class RateWindow {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> seen = new HashMap<>();

    RateWindow(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one event for {@code key}, or says how long until it would be allowed. */
    synchronized Optional<Duration> take(String key) {
        ArrayDeque<Instant> times = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant now = clock.instant();
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
        }
        times.addLast(now);
        return Optional.empty();
    }
}
