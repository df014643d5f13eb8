package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.render.TerminalSanitizer;
import ai.holysheep.chat.store.Conversation;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The saved conversations, newest first, narrowed by what is typed: titles match at once, and
 * conversations whose messages contain the text join when the database search comes back.
 * The list itself arrives after the window opens (the database is read off the screen's thread).
 */
final class HistoryList extends FilteredList {
    /** One line of the list; {@code byText} when only the messages, not the title, matched. */
    record Row(Conversation conversation, boolean byText) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;
    private List<Conversation> all;
    private List<Conversation> textHits = List.of();
    private String textHitsFor = "";
    private List<Row> shown = List.of();
    private String note = "loading…";

    HistoryList(ZoneId zone) {
        this.zone = zone;
    }

    void listed(List<Conversation> conversations) {
        all = List.copyOf(conversations);
        note = "";
        refilter();
    }

    void unavailable(String reason) {
        note = "cannot read the history: " + reason;
    }

    /** Results of searching the messages for {@code query}; ignored when the filter moved on. */
    void searched(String query, List<Conversation> hits) {
        if (query.equals(filter())) {
            textHits = List.copyOf(hits);
            textHitsFor = query;
            refilter();
        }
    }

    /** The conversation Enter opens, or null when nothing is listed. */
    Conversation selectedConversation() {
        return shown.isEmpty() ? null : shown.get(selected()).conversation();
    }

    void draw(Canvas canvas, int columns, int rows) {
        int listRows = Math.max(1, Math.min(Math.max(1, shown.size()), rows - 8));
        DialogFrame frame = DialogFrame.centred(columns, rows, 100, listRows + 1);
        frame.draw(canvas, "Conversations", "Enter open · Esc close");
        int c = canvas.put(frame.textLeft(), frame.row(0), frame.textRight(), "filter: ", Styles.DIM);
        canvas.put(c, frame.row(0), frame.textRight(), filter() + "▏", Styles.PLAIN);
        String count = note.isEmpty() ? shown.size() + (all != null && shown.size() != all.size() ? " of " + all.size() : "") : note;
        int cw = DisplayWidth.of(count);
        if (c + 2 + cw + 8 <= frame.textRight()) {
            canvas.put(frame.textRight() - cw, frame.row(0), frame.textRight(), count, Styles.DIM);
        }
        int visible = frame.innerRows() - 1;
        int first = firstVisible(visible);
        for (int i = 0; i < visible && first + i < shown.size(); i++) {
            Row row = shown.get(first + i);
            frame.listRow(canvas, 1 + i, label(row), detail(row.conversation()), first + i == selected());
        }
        if (shown.isEmpty() && all != null) {
            String empty = all.isEmpty() ? "no saved conversations yet" : "no conversation matches \"" + filter() + "\"";
            canvas.put(frame.textLeft(), frame.row(1), frame.textRight(), empty, Styles.WARN);
        }
    }

    private static String label(Row row) {
        String title = TerminalSanitizer.clean(row.conversation().title()).replaceAll("\\s+", " ").strip();
        return row.byText() ? title + "  (in the text)" : title;
    }

    private String detail(Conversation c) {
        String model = c.model() == null ? "" : c.model() + " · ";
        int n = c.messageCount();
        return model + n + (n == 1 ? " message · " : " messages · ") + WHEN.format(c.updatedAt().atZone(zone));
    }

    @Override
    int rowCount() {
        return shown.size();
    }

    @Override
    void refilter() {
        if (all == null) {
            return;
        }
        String f = filter().toLowerCase(Locale.ROOT);
        List<Row> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (Conversation c : all) {
            if (c.title().toLowerCase(Locale.ROOT).contains(f)) {
                out.add(new Row(c, false));
                ids.add(c.id());
            }
        }
        if (!f.isEmpty() && textHitsFor.equals(filter())) {
            for (Conversation c : textHits) {
                if (ids.add(c.id())) {
                    out.add(new Row(c, true));
                }
            }
        }
        shown = out;
        clamp();
    }
}
