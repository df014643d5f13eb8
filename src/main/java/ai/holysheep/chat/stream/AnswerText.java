package ai.holysheep.chat.stream;

import ai.holysheep.chat.config.ResumeMode;
import java.util.function.Consumer;

/**
 * The answer as the user has seen it, and how each new attempt's text joins it so that every
 * character is shown once, in order. Only whole SSE events ever reach this class (okhttp-sse drops
 * an event cut off by a broken connection), so a join can never fall inside a UTF-8 sequence.
 *
 * <p>Not thread-safe: the turn calls it under its own lock.
 */
final class AnswerText {
    private enum Join {
        /** Nothing shown yet: text goes straight out. */
        FRESH,
        /** The server continues the partial answer: append, minus any repeat of the tail. */
        CONTINUE,
        /** The server answers again from the start: hide what repeats, show what goes beyond. */
        RESTART
    }

    private final StringBuilder shown = new StringBuilder();
    private final StringBuilder attemptText = new StringBuilder();
    private Join join = Join.FRESH;
    private int attempt;
    private boolean decided;
    private boolean resumedSent;
    private int matched;
    private int grown;

    String shown() {
        return shown.toString();
    }

    /** Starts a new attempt; how it joins depends on whether anything was shown yet. */
    void begin(int attemptNumber, ResumeMode mode) {
        attempt = attemptNumber;
        join = shown.isEmpty() ? Join.FRESH : nextContinues(mode) ? Join.CONTINUE : Join.RESTART;
        attemptText.setLength(0);
        decided = join == Join.FRESH;
        resumedSent = false;
        matched = 0;
        grown = 0;
    }

    /** True when an attempt begun now would re-send the partial answer for the server to continue. */
    boolean nextContinues(ResumeMode mode) {
        return !shown.isEmpty() && mode == ResumeMode.CONTINUE;
    }

    /** True when this attempt re-sends the partial answer for the server to continue. */
    boolean continuing() {
        return join == Join.CONTINUE;
    }

    /** Characters this attempt added to what the user sees (its progress). */
    int grown() {
        return grown;
    }

    void text(String text, Consumer<StreamEvent> out) {
        attemptText.append(text);
        if (decided) {
            show(text, out);
            return;
        }
        if (join == Join.CONTINUE) {
            if (!Overlap.couldGrow(shown, attemptText)) {
                settleContinuation(out);
            }
        } else {
            followRestart(out);
        }
    }

    /** The attempt finished cleanly: settle whatever was held back. */
    void end(Consumer<StreamEvent> out) {
        if (decided) {
            return;
        }
        if (join == Join.CONTINUE) {
            settleContinuation(out);
        } else if (attemptText.length() < shown.length()) {
            // The new answer is a strict prefix of the old one: shorter, so it differs after all.
            replaceWith(attemptText.toString(), out);
        }
    }

    private void settleContinuation(Consumer<StreamEvent> out) {
        decided = true;
        int repeat = Overlap.repeated(shown, attemptText);
        show(attemptText.substring(repeat), out);
    }

    /**
     * While the restarted answer matches what was shown, nothing is shown; past its end, only the
     * excess is. At the first differing character the new answer replaces the old one.
     */
    private void followRestart(Consumer<StreamEvent> out) {
        int common = Math.min(attemptText.length(), shown.length());
        for (int i = matched; i < common; i++) {
            if (attemptText.charAt(i) != shown.charAt(i)) {
                replaceWith(attemptText.toString(), out);
                return;
            }
        }
        matched = common;
        if (attemptText.length() > shown.length()) {
            decided = true;
            show(attemptText.substring(shown.length()), out);
        }
    }

    private void replaceWith(String answer, Consumer<StreamEvent> out) {
        decided = true;
        shown.setLength(0);
        resumedSent = true;
        out.accept(new StreamEvent.Resumed(attempt, 0, true));
        grown = 0;
        show(answer, out);
    }

    private void show(String text, Consumer<StreamEvent> out) {
        if (text.isEmpty()) {
            return;
        }
        if (!resumedSent && join != Join.FRESH) {
            resumedSent = true;
            out.accept(new StreamEvent.Resumed(attempt, shown.length(), false));
        }
        shown.append(text);
        grown += text.length();
        out.accept(new StreamEvent.Delta(text));
    }
}
