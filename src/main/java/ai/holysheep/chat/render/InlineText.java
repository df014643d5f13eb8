package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A paragraph's text with style runs over it, built while walking inline nodes, then wrapped as
 * one string so that breaks fall where the words are, not where the styles change.
 */
final class InlineText {
    private record Run(int start, int end, Style style) {
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Run> runs = new ArrayList<>();

    /** Appends sanitised text; entities such as {@code &#27;} are decoded by the parser, so this is the last gate. */
    void append(String s, Style style) {
        String clean = TerminalSanitizer.clean(s).replace('\t', ' ');
        if (clean.isEmpty()) {
            return;
        }
        int start = text.length();
        text.append(clean);
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).style.equals(style) && runs.get(last).end == start) {
            runs.set(last, new Run(runs.get(last).start, text.length(), style));
        } else {
            runs.add(new Run(start, text.length(), style));
        }
    }

    void hardBreak() {
        text.append('\n');
    }

    int width() {
        int w = 0;
        for (Wrap.Line line : Wrap.lines(text, Integer.MAX_VALUE)) {
            w = Math.max(w, line.width());
        }
        return w;
    }

    /** Lines of spans, wrapped to {@code columns}. */
    List<List<Span>> wrap(int columns) {
        List<List<Span>> out = new ArrayList<>();
        for (Wrap.Line line : Wrap.lines(text, columns)) {
            out.add(spans(line.start(), line.end()));
        }
        return out;
    }

    private List<Span> spans(int from, int to) {
        List<Span> out = new ArrayList<>();
        for (Run run : runs) {
            int s = Math.max(from, run.start);
            int e = Math.min(to, run.end);
            if (s < e) {
                out.add(new Span(text.substring(s, e), run.style));
            }
        }
        return out;
    }
}
