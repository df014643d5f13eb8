package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.DisplayWidth;
import com.googlecode.lanterna.TextCharacter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-line status: a loud mark when the gateway is the simulated one, the model, the
 * connection state with its live numbers, and tokens and cost of the last answer and the session.
 */
final class StatusBar {
    private record Part(String text, TextCharacter style) {
    }

    private String model = "";
    private boolean simulated;
    private Connection connection = new Connection.Ready("");
    private TurnCost last;
    private TurnCost session = TurnCost.NONE;

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

    void lastTurn(TurnCost cost) {
        last = cost;
        session = session.plus(cost);
    }

    void resetSession() {
        last = null;
        session = TurnCost.NONE;
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
        List<Part> left = parts(nowMillis);
        String right = costs();
        int rightWidth = DisplayWidth.of(right);
        int c = 0;
        int leftEnd = columns - (rightWidth + 2 <= columns / 2 ? rightWidth + 1 : 0);
        for (Part p : left) {
            c = canvas.put(c, row, leftEnd, p.text(), p.style());
        }
        if (leftEnd < columns) {
            canvas.put(columns - rightWidth - 1, row, columns, right, Styles.STATUS);
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
        if (s instanceof Connection.Sending) {
            return new Part(" sending… ", Styles.STATUS_BUSY);
        }
        if (s instanceof Connection.Streaming st) {
            long elapsed = now - st.since();
            String rate = elapsed >= 250 && st.pieces() > 1
                    ? String.format(Locale.ROOT, " %.0f tok/s", (st.pieces() - 1) * 1000.0 / elapsed) : "";
            return new Part(" streaming" + rate + (st.resumed() ? " · resumed" : "") + " ", Styles.STATUS_GOOD);
        }
        if (s instanceof Connection.Retrying r) {
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

    private String costs() {
        String lastText = last == null ? "last –" : "last " + last.describe();
        return lastText + " · session " + session.describe();
    }
}
