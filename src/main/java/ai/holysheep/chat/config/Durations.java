package ai.holysheep.chat.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in config files and flags: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 7d}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write it like 500ms, 2s, 1m)");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 86_400_000;
        };
        if (millis > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** The shortest exact form, for showing settings back to the user. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0 && ms != 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
