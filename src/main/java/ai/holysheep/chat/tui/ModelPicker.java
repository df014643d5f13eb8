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
    private final StringBuilder filter = new StringBuilder();
    private int selected;
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
        filter.append(s);
        refilter();
        selected = 0;
    }

    void backspace() {
        if (filter.length() > 0) {
            filter.setLength(filter.offsetByCodePoints(filter.length(), -1));
            refilter();
            selected = 0;
        }
    }

    void up() {
        selected = Math.max(0, selected - 1);
    }

    void down() {
        selected = Math.min(shown.size() - 1, selected + 1);
    }

    /** The model Enter would switch to, or null when nothing matches. */
    String selectedId() {
        return shown.isEmpty() ? null : shown.get(Math.max(0, selected)).id();
    }

    List<ModelChoice> shown() {
        return shown;
    }

    void draw(Canvas canvas, int columns, int rows) {
        int w = Math.min(columns - 4, 72);
        int listRows = Math.max(1, Math.min(shown.size(), rows - 8));
        int h = listRows + 4;
        int left = (columns - w) / 2;
        int top = Math.max(0, (rows - h) / 2 - 1);
        for (int r = top; r < top + h; r++) {
            canvas.clear(r, left, left + w, Styles.PANEL);
        }
        canvas.put(left + 1, top, left + w - 1, "Switch model (Enter switches, Esc closes) " + loadNote, Styles.ASSISTANT_LABEL);
        int c = canvas.put(left + 1, top + 1, left + w - 1, "filter: ", Styles.DIM);
        canvas.put(c, top + 1, left + w - 1, filter.toString() + "▏", Styles.PLAIN);
        int first = Math.max(0, Math.min(selected - listRows + 1, shown.size() - listRows));
        for (int i = 0; i < listRows && first + i < shown.size(); i++) {
            ModelChoice m = shown.get(first + i);
            int row = top + 2 + i;
            boolean sel = first + i == selected;
            if (sel) {
                canvas.clear(row, left, left + w, Styles.SELECTED);
            }
            String mark = m.id().equals(current) ? "● " : "  ";
            int end = canvas.put(left + 1, row, left + w - 1, mark + m.id(), sel ? Styles.SELECTED : Styles.PLAIN);
            String detail = m.describe();
            int dw = DisplayWidth.of(detail);
            if (end + 2 + dw < left + w - 1) {
                canvas.put(left + w - 1 - dw, row, left + w - 1, detail, sel ? Styles.SELECTED : Styles.DIM);
            }
        }
        if (shown.isEmpty()) {
            canvas.put(left + 1, top + 2, left + w - 1, "no model matches \"" + filter + "\"", Styles.WARN);
        }
    }

    private void refilter() {
        String f = filter.toString().toLowerCase(Locale.ROOT);
        List<ModelChoice> out = new ArrayList<>();
        for (ModelChoice m : all) {
            if (m.id().toLowerCase(Locale.ROOT).contains(f)) {
                out.add(m);
            }
        }
        shown = out;
        selected = Math.min(Math.max(0, selected), Math.max(0, shown.size() - 1));
    }

    private void select(String id) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(id)) {
                selected = i;
                return;
            }
        }
    }
}
