package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.DisplayWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model switcher: a list of models narrowed by what is typed, moved through with Up/Down and
 * chosen with Enter. The gateway's list arrives later than the window opens; until then the
 * configured models are shown and the title says the list is loading.
 */
final class ModelPicker extends FilteredList {
    private List<ModelChoice> all = List.of();
    private List<ModelChoice> shown = List.of();
    private String loadNote;
    /** The model in use, marked in the list; null when none is chosen (a room's relay default). */
    private final String current;

    ModelPicker(String current, List<ModelChoice> initial, String source) {
        this.current = current;
        this.loadNote = "loading the " + source + "'s models…";
        setChoices(initial);
    }

    void setChoices(List<ModelChoice> choices) {
        String keep = selectedId();
        all = List.copyOf(choices);
        refilter();
        if (keep != null) {
            select(keep);
        } else if (current != null) {
            select(current);
        }
    }

    void loaded(String note) {
        loadNote = note;
    }

    /** The model Enter would switch to, or null when nothing matches. */
    String selectedId() {
        return shown.isEmpty() ? null : shown.get(selected()).id();
    }

    void draw(Canvas canvas, int columns, int rows) {
        int listRows = Math.max(1, Math.min(Math.max(1, shown.size()), rows - 8));
        DialogFrame frame = DialogFrame.centred(columns, rows, 72, listRows + 1);
        frame.draw(canvas, "Switch model", "Enter switch · Esc close");
        int c = canvas.put(frame.textLeft(), frame.row(0), frame.textRight(), "filter: ", Styles.DIM);
        c = canvas.put(c, frame.row(0), frame.textRight(), filter() + "▏", Styles.PLAIN);
        if (!loadNote.isEmpty() && c + 2 + DisplayWidth.of(loadNote) <= frame.textRight()) {
            canvas.put(frame.textRight() - DisplayWidth.of(loadNote), frame.row(0), frame.textRight(), loadNote, Styles.DIM);
        }
        int visible = frame.innerRows() - 1;
        int first = firstVisible(visible);
        for (int i = 0; i < visible && first + i < shown.size(); i++) {
            ModelChoice m = shown.get(first + i);
            String mark = m.id().equals(current) ? "● " : "  ";
            frame.listRow(canvas, 1 + i, mark + m.id(), m.note(), first + i == selected());
        }
        if (shown.isEmpty()) {
            canvas.put(frame.textLeft(), frame.row(1), frame.textRight(), "no model matches \"" + filter() + "\"", Styles.WARN);
        }
    }

    @Override
    int rowCount() {
        return shown.size();
    }

    @Override
    void refilter() {
        String f = filter().toLowerCase(Locale.ROOT);
        List<ModelChoice> out = new ArrayList<>();
        for (ModelChoice m : all) {
            if (m.id().toLowerCase(Locale.ROOT).contains(f)) {
                out.add(m);
            }
        }
        shown = out;
        clamp();
    }

    private void select(String id) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(id)) {
                select(i);
                return;
            }
        }
    }
}
