package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.RequestLog;
import ai.holysheep.chat.stream.StreamEvent;

/** Passes a turn's events on, noting the retry decisions and the ending in the debug log. */
final class LoggedOutput implements TurnOutput {
    private final TurnOutput shown;
    private final RequestLog log;

    LoggedOutput(TurnOutput shown, RequestLog log) {
        this.shown = shown;
        this.log = log;
    }

    static TurnOutput wrap(TurnOutput shown, RequestLog log) {
        return log.enabled() ? new LoggedOutput(shown, log) : shown;
    }

    @Override
    public void show(StreamEvent event) {
        String note = describe(event);
        if (note != null) {
            log.note(note);
        }
        shown.show(event);
    }

    /** Decisions only: message text never goes into the log from here. */
    static String describe(StreamEvent event) {
        if (event instanceof StreamEvent.Retrying r) {
            return "retry " + r.attempt() + "/" + r.max() + " in " + r.delay().toMillis() + " ms: " + r.reason();
        }
        if (event instanceof StreamEvent.Resumed r) {
            return "resumed on attempt " + r.attempt() + ", keeping " + r.keptChars() + " characters"
                    + (r.diverged() ? " (the new answer diverged)" : "");
        }
        if (event instanceof StreamEvent.GaveUp g) {
            return "gave up after " + g.attempts() + " attempts: " + g.lastError();
        }
        if (event instanceof StreamEvent.Failed f) {
            return "failed (" + f.kind() + "): " + f.message();
        }
        if (event instanceof StreamEvent.Done d) {
            return "done: finish_reason=" + d.finishReason();
        }
        if (event instanceof StreamEvent.Cancelled) {
            return "cancelled";
        }
        return null;
    }

    @Override
    public void prepare() {
        shown.prepare();
    }

    @Override
    public void flush() {
        shown.flush();
    }

    @Override
    public void error(String message, int exitCode) {
        log.note("error (exit " + exitCode + "): " + message);
        shown.error(message, exitCode);
    }
}
