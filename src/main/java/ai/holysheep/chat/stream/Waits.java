package ai.holysheep.chat.stream;

import java.time.Duration;
import java.util.Locale;

/** Waits written the way people read them in a status line: 850ms, 1.3s, 120s, 2h 5m. */
public final class Waits {
    private Waits() {
    }

    public static String human(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1_000) {
            return ms + "ms";
        }
        if (ms < 10_000 && ms % 1_000 != 0) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = (ms + 999) / 1_000;
        if (s < 3600) {
            return s + "s";
        }
        return s / 3600 + "h " + (s % 3600) / 60 + "m";
    }
}
