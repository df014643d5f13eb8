package ai.holysheep.chat.tui;

import ai.holysheep.chat.rooms.RoomConnection;
import ai.holysheep.chat.rooms.RoomFrame;
import ai.holysheep.chat.render.TerminalSanitizer;
import java.util.Locale;

/**
 * A room's one-line status: the room, the link to the relay ({@code connected},
 * {@code reconnecting 2/8 in 1.3s}, {@code offline · 2 waiting}), the model {@code @ai} asks
 * once one is picked ({@code @ai → deepseek-v3.2}; until then the relay's default, not shown)
 * and, while the relay retries the model's answer, that retry with its countdown.
 */
final class RoomStatus {
    private final String room;
    private RoomConnection.State link;
    /** When the link's state arrived: a reconnect's countdown runs from there. */
    private long linkAt;
    private RoomFrame.Retry retry;
    private long retryAt;
    /** The model picked for {@code @ai}, or null for the relay's default. */
    private String model;

    RoomStatus(String room) {
        this.room = room;
    }

    void link(RoomConnection.State state, long now) {
        link = state;
        linkAt = now;
    }

    void model(String picked) {
        model = picked;
    }

    /** The relay retries answer {@code retry.seq()}; shown until the answer goes on or ends. */
    void retry(RoomFrame.Retry r, long now) {
        retry = r;
        retryAt = now;
    }

    /** Answer {@code seq} went on or ended: its retry is over. */
    void answerMoved(long seq) {
        if (retry != null && retry.seq() == seq) {
            retry = null;
        }
    }

    /** The whole line at {@code now}, {@code waiting} messages not yet known posted. */
    String text(long now, int waiting) {
        return " " + room + " │ " + linkText(now, waiting) + " " + modelText() + retryText(now);
    }

    void draw(Canvas canvas, int row, int columns, long now, int waiting) {
        canvas.clear(row, 0, columns, Styles.STATUS);
        int c = canvas.put(0, row, columns, " " + room + " ", Styles.STATUS_STRONG);
        c = canvas.put(c, row, columns, "│", Styles.STATUS);
        c = canvas.put(c, row, columns, " " + linkText(now, waiting) + " ", linkStyle());
        c = canvas.put(c, row, columns, modelText(), Styles.STATUS);
        String r = retryText(now);
        if (!r.isEmpty()) {
            canvas.put(c + 1, row, columns, r, Styles.STATUS_BUSY);
        }
    }

    private String linkText(long now, int waiting) {
        // Messages typed while the link is down are the news: they lead.
        String kept = waiting > 0 ? "offline · " + waiting + " waiting · " : "";
        if (link == null) {
            return kept + "connecting…";
        }
        if (link instanceof RoomConnection.State.Connected) {
            return "connected" + (waiting > 0 ? " · sending " + waiting : "");
        }
        if (link instanceof RoomConnection.State.Reconnecting r) {
            long left = linkAt + r.delay().toMillis() - now;
            String when = left > 0 ? String.format(Locale.ROOT, " in %.1fs", left / 1000.0) : "…";
            return kept + "reconnecting " + r.attempt() + "/" + r.max() + when;
        }
        RoomConnection.State.Closed closed = (RoomConnection.State.Closed) link;
        // Given up: what was kept will not go out.
        return "offline · " + (waiting > 0 ? waiting + " not posted · " : "") + TerminalSanitizer.clean(closed.message());
    }

    private String modelText() {
        return model == null ? "" : "│ @ai → " + TerminalSanitizer.clean(model) + " ";
    }

    private com.googlecode.lanterna.TextCharacter linkStyle() {
        if (link instanceof RoomConnection.State.Connected) {
            return Styles.STATUS_GOOD;
        }
        return link instanceof RoomConnection.State.Closed ? Styles.STATUS_ALERT : Styles.STATUS_BUSY;
    }

    private String retryText(long now) {
        if (retry == null) {
            return "";
        }
        long left = retryAt + retry.delay().toMillis() - now;
        String when = left > 0 ? String.format(Locale.ROOT, " in %.1fs", left / 1000.0) : "";
        return String.format(Locale.ROOT, " answer retry %d/%d%s · %s ", retry.attempt(), retry.max(), when,
                TerminalSanitizer.clean(retry.reason()));
    }
}
