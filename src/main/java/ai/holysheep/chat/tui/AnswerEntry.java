package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.MarkdownRenderer;
import ai.holysheep.chat.render.StreamingMarkdown;
import ai.holysheep.chat.render.StyledLine;
import ai.holysheep.chat.render.TerminalSanitizer;
import ai.holysheep.chat.render.Wrap;
import com.googlecode.lanterna.TextCharacter;
import java.util.List;

/**
 * The assistant's answer as it grows: a label, the reasoning (dimmed, folded away once the
 * answer starts unless the user unfolded it), the answer as markdown, and how it ended when that
 * was not normally. Only the block still growing is re-rendered per frame.
 */
final class AnswerEntry extends Entry {
    /** {@code PARTIAL}: a saved answer the program stopped receiving (it ended while the answer arrived). */
    enum Outcome { STREAMING, DONE, CANCELLED, FAILED, PARTIAL }

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    private final String model;
    /** The answer exactly as received while it arrives, for /copy, the history and re-rendering after a resume. */
    private final StringBuilder raw = new StringBuilder();
    /** The whole answer once it ended; {@link #raw} is emptied then, so the text is held once. */
    private String ended;
    /** Null until first laid out, and again after {@link #release}: then only the line count is kept. */
    private StreamingMarkdown markdown;
    private int countedWidth = -1;
    private int answerLines;
    private final StringBuilder reasoning = new StringBuilder();
    private final TerminalSanitizer reasoningSanitizer = new TerminalSanitizer();
    private List<Wrap.Line> reasoningLines;
    private int reasoningWidth = -1;
    private boolean reasoningShown = true;
    private boolean reasoningToggled;
    private Outcome outcome = Outcome.STREAMING;
    private String note;
    /** How it ended, wrapped: a failure's reason is read whole, never cut at the pane's edge. */
    private List<Wrap.Line> footerLines = List.of();
    private String footerText = "";
    private int footerWidth = -1;
    private int width = 1;

    AnswerEntry(String model) {
        this.model = model;
    }

    /**
     * What a finished answer's {@code finish_reason} says the user must know: that it is not
     * whole. Null for an answer that ended by itself.
     */
    static String cutShort(String finishReason) {
        if ("length".equals(finishReason)) {
            return "cut off at the token limit (raise --max-tokens or max_tokens in the config)";
        }
        if ("content_filter".equals(finishReason)) {
            return "stopped by the provider's content filter";
        }
        return null;
    }

    /**
     * An answer from the history: its text is kept as given, and laid out only when shown.
     * {@code why}: how it ended, as {@link #end} takes it.
     */
    static AnswerEntry saved(String model, String reasoning, String content, Outcome how, String why) {
        AnswerEntry answer = new AnswerEntry(model);
        if (reasoning != null && !reasoning.isEmpty()) {
            answer.appendReasoning(reasoning);
        }
        if (content != null) {
            // As when it streamed: the reasoning folds away once the answer has begun.
            answer.reasoningShown = false;
        }
        answer.ended = content == null ? "" : content;
        answer.outcome = how;
        answer.note = why;
        return answer;
    }

    void append(String delta) {
        if (raw.length() == 0 && !reasoningToggled) {
            reasoningShown = false;
        }
        raw.append(delta);
        if (markdown != null) {
            markdown.append(delta);
        }
    }

    void appendReasoning(String delta) {
        reasoning.append(reasoningSanitizer.feed(delta).replace("\t", "    "));
        reasoningWidth = -1;
    }

    /**
     * A stream taken up again: keeps the first {@code keptChars} characters of the answer and
     * drops the rest, which the new attempt will send again (or differently, when it diverged).
     */
    void keepOnly(int keptChars) {
        if (keptChars >= raw.length()) {
            return;
        }
        raw.setLength(Math.max(0, keptChars));
        markdown = null;
    }

    void end(Outcome how, String why) {
        outcome = how;
        note = why;
        footerWidth = -1;
        if (markdown != null) {
            markdown.finish();
        }
        ended = raw.toString();
        raw.setLength(0);
        raw.trimToSize();
    }

    @Override
    boolean settled() {
        return outcome != Outcome.STREAMING;
    }

    @Override
    void release() {
        if (settled() && markdown != null) {
            countedWidth = width;
            answerLines = markdown.finishedLines().size();
            markdown = null;
        }
    }

    void toggleReasoning() {
        reasoningToggled = true;
        reasoningShown = !reasoningShown;
    }

    boolean hasReasoning() {
        return reasoning.length() > 0;
    }

    String text() {
        return ended != null ? ended : raw.toString();
    }

    Outcome outcome() {
        return outcome;
    }

    @Override
    int lineCount(int w) {
        int cols = Math.max(1, w);
        layoutReasoning(cols);
        int answer = markdown == null && countedWidth == cols ? answerLines : answerCount(cols);
        return 1 + reasoningCount() + answer + footerCount(cols) + 1;
    }

    @Override
    void draw(int index, Canvas canvas, int row, int left, int w, Styles styles) {
        layout(w);
        int end = left + w;
        if (index == 0) {
            int c = canvas.put(left, row, end, "◆ " + model, Styles.ASSISTANT_LABEL);
            if (outcome == Outcome.STREAMING && raw.length() == 0) {
                canvas.put(c, row, end, reasoning.length() > 0 ? "  thinking…" : "  …", Styles.DIM);
            }
            return;
        }
        int i = index - 1;
        int r = reasoningCount();
        if (i < r) {
            drawReasoning(i, canvas, row, left, end);
            return;
        }
        i -= r;
        List<StyledLine> finished = markdown.finishedLines();
        if (i < finished.size()) {
            canvas.put(left, row, end, finished.get(i), styles);
            return;
        }
        i -= finished.size();
        List<StyledLine> tail = markdown.tailLines();
        if (i < tail.size()) {
            canvas.put(left, row, end, tail.get(i), styles);
            return;
        }
        i -= tail.size();
        if (i < footerCount(Math.max(1, w))) {
            Wrap.Line line = footerLines.get(i);
            canvas.put(left, row, end, footerText.substring(line.start(), line.end()), footerStyle());
        }
    }

    private void drawReasoning(int i, Canvas canvas, int row, int left, int end) {
        if (i == 0) {
            String fold = reasoningShown ? "▾ reasoning (F4 to fold)" : "▸ reasoning, " + reasoningLines.size() + " lines (F4 to show)";
            canvas.put(left, row, end, fold, Styles.DIM);
            return;
        }
        Wrap.Line line = reasoningLines.get(i - 1);
        canvas.put(left + 2, row, end, reasoning.subSequence(line.start(), line.end()), Styles.DIM);
    }

    private int reasoningCount() {
        if (reasoning.length() == 0) {
            return 0;
        }
        return reasoningShown ? 1 + reasoningLines.size() : 1;
    }

    private int answerCount(int cols) {
        layout(cols);
        return markdown.finishedLines().size() + markdown.tailLines().size();
    }

    private int footerCount(int cols) {
        if (!hasFooter()) {
            return 0;
        }
        if (footerWidth != cols) {
            footerWidth = cols;
            footerText = footer();
            footerLines = Wrap.lines(footerText, cols);
        }
        return footerLines.size();
    }

    private boolean hasFooter() {
        return outcome == Outcome.CANCELLED || outcome == Outcome.FAILED || outcome == Outcome.PARTIAL
                || (outcome == Outcome.DONE && note != null);
    }

    private String footer() {
        if (outcome == Outcome.DONE) {
            return "✂ " + note;
        }
        String mark = switch (outcome) {
            case CANCELLED -> "⏹ cancelled";
            case PARTIAL -> "◌ partial: the answer stopped arriving here";
            default -> "✖ failed";
        };
        return note == null || note.isBlank() ? mark : mark + ": " + TerminalSanitizer.clean(note);
    }

    private TextCharacter footerStyle() {
        return outcome == Outcome.FAILED ? Styles.ERROR : Styles.WARN;
    }

    private void layout(int w) {
        int cols = Math.max(1, w);
        if (markdown == null) {
            width = cols;
            markdown = new StreamingMarkdown(MARKDOWN, cols);
            markdown.append(text());
            if (settled()) {
                markdown.finish();
            }
        } else if (cols != width) {
            width = cols;
            markdown.setWidth(cols);
        }
        layoutReasoning(cols);
    }

    private void layoutReasoning(int cols) {
        if (reasoningWidth != cols) {
            reasoningWidth = cols;
            reasoningLines = Wrap.lines(reasoning, Math.max(1, cols - 2));
        }
    }
}
