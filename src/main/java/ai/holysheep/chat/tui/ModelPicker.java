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
final class ModelPicker {
    private List<ModelChoice> all = List.of();
    private List<ModelChoice> shown = List.of();
    private final ListSelection selection = new ListSelection();
    private String loadNote = "loading the gateway's models…";
    private final String current;

    ModelPicker(String current, List<ModelChoice> initial) {
        this.current = current;
        setChoices(initial);
    }

    void setChoices(List<ModelChoice> choices) {
        String keep = selectedId();
        all = List.copyOf(choices);
        refilter();
        if (keep != null) {
            select(keep);
        } else {
            select(current);
        }
    }

    void loaded(String note) {
        loadNote = note;
    }

    void type(String s) {
        selection.type(s);
        refilter();
    }

    void backspace() {
        if (selection.backspace()) {
            refilter();
        }
    }

    void up() {
        selection.move(-1, shown.size());
    }

    void down() {
        selection.move(1, shown.size());
    }

    /** The model Enter would switch to, or null when nothing matches. */
    String selectedId() {
        return shown.isEmpty() ? null : shown.get(selection.selected()).id();
    }

    List<ModelChoice> shown() {
        return shown;
    }

    void draw(Canvas canvas, int columns, int rows) {
        int listRows = Math.max(1, Math.min(Math.max(1, shown.size()), rows - 8));
        DialogFrame frame = DialogFrame.centred(columns, rows, 72, listRows + 1);
        frame.draw(canvas, "Switch model", "Enter switch · Esc close");
        int c = canvas.put(frame.textLeft(), frame.row(0), frame.textRight(), "filter: ", Styles.DIM);
        c = canvas.put(c, frame.row(0), frame.textRight(), selection.filter() + "▏", Styles.PLAIN);
        if (!loadNote.isEmpty() && c + 2 + DisplayWidth.of(loadNote) <= frame.textRight()) {
            canvas.put(frame.textRight() - DisplayWidth.of(loadNote), frame.row(0), frame.textRight(), loadNote, Styles.DIM);
        }
        int visible = frame.innerRows() - 1;
        int first = selection.firstVisible(visible, shown.size());
        for (int i = 0; i < visible && first + i < shown.size(); i++) {
            ModelChoice m = shown.get(first + i);
            String mark = m.id().equals(current) ? "● " : "  ";
            frame.listRow(canvas, 1 + i, mark + m.id(), m.describe(), first + i == selection.selected());
        }
        if (shown.isEmpty()) {
            canvas.put(frame.textLeft(), frame.row(1), frame.textRight(), "no model matches \"" + selection.filter() + "\"", Styles.WARN);
        }
    }

    private void refilter() {
        String f = selection.filter().toLowerCase(Locale.ROOT);
        List<ModelChoice> out = new ArrayList<>();
        for (ModelChoice m : all) {
            if (m.id().toLowerCase(Locale.ROOT).contains(f)) {
                out.add(m);
            }
        }
        shown = out;
        selection.clamp(shown.size());
    }

    private void select(String id) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(id)) {
                selection.select(i);
                return;
            }
        }
    }
}
