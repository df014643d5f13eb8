package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.session.Spend;
import ai.holysheep.chat.stream.Waits;
import com.googlecode.lanterna.TextCharacter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-line status: a loud mark when the gateway is the simulated one, the model, the
 * connection state with its live numbers, and tokens and cost of the last answer and the session.
 */
final class StatusBar {
    /**
     * Silence shorter than this is not worth a word: tokens come many times a second, and a first
     * token or a pause to think taking a second or two is normal.
     */
    static final long SILENCE_SHOWN_AFTER_MS = 2_000;

    private record Part(String text, TextCharacter style) {
    }

    /** The client's idle timeout: silence this long ends the attempt (zero: no limit). */
    private final Duration idleTimeout;
    private String model = "";
    private boolean simulated;
    private Connection connection = new Connection.Ready("");
    private Optional<Spend> last = Optional.empty();
    private Spend session = Spend.NOTHING;

    StatusBar(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    void model(String id) {
        model = id;
    }

    void simulated(boolean on) {
        simulated = on;
    }

    Connection connection() {
        return connection;
    }

    void connection(Connection state) {
        connection = state;
    }

    /** What the last answer and the whole session cost, as the chat session counts them. */
    void spend(Optional<Spend> lastTurn, Spend total) {
        last = lastTurn;
        session = total;
    }

    /** The bar's text at {@code nowMillis}; redrawn when it changes, which paces the countdown. */
    String text(long nowMillis) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts(nowMillis)) {
            sb.append(p.text());
        }
        return sb.append(costs()).toString();
    }

    void draw(Canvas canvas, int row, int columns, long nowMillis) {
        canvas.clear(row, 0, columns, Styles.STATUS);
        int c = 0;
        for (Part p : parts(nowMillis)) {
            c = canvas.put(c, row, columns, p.text(), p.style());
        }
        // The costs take what room the state leaves: all of them, the session's alone, or none.
        String full = costs();
        String short_ = "session " + describe(session);
        for (String right : new String[] {full, short_}) {
            int w = DisplayWidth.of(right);
            if (c + 1 + w + 1 <= columns) {
                canvas.put(columns - w - 1, row, columns, right, Styles.STATUS);
                return;
            }
        }
    }

    private List<Part> parts(long now) {
        List<Part> parts = new ArrayList<>();
        if (simulated) {
            parts.add(new Part(" SIMULATED GATEWAY ", Styles.STATUS_ALERT));
        }
        parts.add(new Part(" " + model + " ", Styles.STATUS_STRONG));
        parts.add(new Part("│", Styles.STATUS));
        parts.add(state(now));
        return parts;
    }

    private Part state(long now) {
        Connection s = connection;
        if (s instanceof Connection.Sending sending) {
            long quiet = now - sending.since();
            return new Part(quiet >= SILENCE_SHOWN_AFTER_MS ? " " + waiting(quiet) + " " : " sending… ", Styles.STATUS_BUSY);
        }
        if (s instanceof Connection.Streaming st) {
            long quiet = now - st.lastData();
            if (quiet >= SILENCE_SHOWN_AFTER_MS) {
                // A rate averaged over a stall only sinks towards 0 tok/s; say what is happening instead.
                return new Part(" " + waiting(quiet) + (st.resumed() ? " · resumed" : "") + " ", Styles.STATUS_BUSY);
            }
            long elapsed = now - st.since();
            String rate = elapsed >= 250 && st.pieces() > 1
                    ? String.format(Locale.ROOT, " %.0f tok/s", (st.pieces() - 1) * 1000.0 / elapsed) : "";
            return new Part(" streaming" + rate + (st.resumed() ? " · resumed" : "") + " ", Styles.STATUS_GOOD);
        }
        if (s instanceof Connection.Retrying r) {
            long quiet = now - r.at();
            if (quiet >= SILENCE_SHOWN_AFTER_MS) {
                // The wait is over and the next attempt is out, with nothing back yet.
                return new Part(String.format(Locale.ROOT, " retry %d/%d · %s · %s ", r.attempt(), r.max(),
                        waiting(quiet), r.reason()), Styles.STATUS_BUSY);
            }
            double left = Math.max(0, r.at() - now) / 1000.0;
            return new Part(String.format(Locale.ROOT, " retry %d/%d in %.1fs · %s ", r.attempt(), r.max(), left,
                    r.reason()), Styles.STATUS_BUSY);
        }
        if (s instanceof Connection.Cancelled) {
            return new Part(" cancelled ", Styles.STATUS_BUSY);
        }
        if (s instanceof Connection.Error e) {
            return new Part(" error: " + e.message() + " ", Styles.STATUS_ALERT);
        }
        String note = ((Connection.Ready) s).note();
        return new Part(" ready" + (note.isEmpty() ? "" : " · " + note) + " ", Styles.STATUS);
    }

    /**
     * {@code waiting 12s / 30s}: how long the server has been silent, against the idle timeout
     * that will end the attempt. Past the timeout the call is still open, so something (keep-alive
     * comments, chunks with no text) is arriving, and the limit no longer says when it ends.
     */
    private String waiting(long quietMillis) {
        String silent = "waiting " + quietMillis / 1000 + "s";
        if (idleTimeout.isZero() || quietMillis > idleTimeout.toMillis()) {
            return silent;
        }
        return silent + " / " + Waits.human(idleTimeout);
    }

    private String costs() {
        return "last " + last.map(StatusBar::describe).orElse("–") + " · session " + describe(session);
    }

    /** {@code ↑1.2k ↓350 $0.0031}; '$?' when a model involved has no known price. */
    static String describe(Spend spend) {
        return "↑" + count(spend.promptTokens()) + " ↓" + count(spend.completionTokens()) + " "
                + (spend.cost().isPresent() ? money(spend.cost().getAsDouble()) : "$?");
    }

    private static String count(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        return n < 100_000 ? String.format(Locale.ROOT, "%.1fk", n / 1000.0) : (n / 1000) + "k";
    }

    private static String money(double d) {
        if (d == 0) {
            return "$0";
        }
        return String.format(Locale.ROOT, d < 0.01 ? "$%.4f" : "$%.2f", d);
    }
}
