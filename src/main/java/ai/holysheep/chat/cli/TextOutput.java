package ai.holysheep.chat.cli;

import ai.holysheep.chat.render.AnswerPrinter;
import ai.holysheep.chat.render.TerminalSanitizer;
import ai.holysheep.chat.stream.StreamEvent;
import java.util.function.Supplier;

/**
 * The answer alone on stdout, as it arrives, through an {@link AnswerPrinter}; everything else on
 * stderr. Reasoning is shown only when stderr is a terminal, so scripts capturing stderr do not
 * get it, and dimmed when colour is allowed there. Server text is sanitised before it is shown.
 */
final class TextOutput implements TurnOutput {
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final Io io;
    private final Supplier<AnswerPrinter> printers;
    private final RetryNotice notice;
    /** Made by {@link #prepare} or on first use. */
    private AnswerPrinter answer;
    private final boolean dimReasoning;
    private final TerminalSanitizer reasoning = new TerminalSanitizer();
    private boolean answerStarted;
    private boolean answerEnded;
    private boolean reasoningOpen;

    /** @param printers makes the printer for an answer (a second one when a restarted answer differs) */
    TextOutput(Io io, Supplier<AnswerPrinter> printers, boolean dimReasoning) {
        this.io = io;
        this.printers = printers;
        this.notice = new RetryNotice(io);
        this.dimReasoning = dimReasoning;
    }

    @Override
    public void show(StreamEvent event) {
        if (event instanceof StreamEvent.Delta d) {
            notice.clear();
            closeReasoning();
            answerStarted = true;
            printer().append(d.text());
        } else if (event instanceof StreamEvent.Reasoning r) {
            if (io.stderrIsTerminal() && !answerStarted) {
                String text = reasoning.feed(r.text());
                io.err().print((reasoningOpen || !dimReasoning ? "" : DIM) + text);
                reasoningOpen = true;
            }
        } else if (event instanceof StreamEvent.Retrying r) {
            notice.retrying(r);
        } else if (event instanceof StreamEvent.Resumed r) {
            notice.resumed(r);
            if (r.diverged()) {
                restartAnswer();
            }
        } else if (event instanceof StreamEvent.Done done) {
            endAnswer();
            if ("length".equals(done.finishReason())) {
                io.error("the answer was cut off at the token limit (raise --max-tokens)");
            } else if ("content_filter".equals(done.finishReason())) {
                io.error("the answer was stopped by the provider's content filter");
            }
        } else if (event instanceof StreamEvent.Failed f) {
            endAnswer();
            io.error(f.message());
        } else if (event instanceof StreamEvent.GaveUp g) {
            endAnswer();
            io.error(RetryNotice.gaveUp(g));
        } else if (event instanceof StreamEvent.Cancelled) {
            endAnswer();
        }
    }

    private void closeReasoning() {
        if (reasoningOpen) {
            io.err().print((dimReasoning ? RESET : "") + "\n");
            io.err().flush();
            reasoningOpen = false;
        }
    }

    /**
     * Printed text cannot be taken back: the old answer is closed off, a notice says what
     * happened, and the new answer is printed whole below it.
     */
    private void restartAnswer() {
        if (answerStarted) {
            printer().abandon();
            io.out().flush();
        }
        io.error("the connection broke and the answer was asked again; the new answer differs from the one above:");
        answer = printers.get();
        answerStarted = false;
    }

    private void endAnswer() {
        notice.clear();
        closeReasoning();
        if (!answerEnded) {
            answerEnded = true;
            printer().finish();
        }
        io.out().flush();
    }

    /**
     * Makes the answer's printer now: on a terminal that measures its width (an {@code stty}
     * process) and sets up markdown rendering, tens of milliseconds best spent while the request
     * is on its way rather than before it is sent.
     */
    @Override
    public void prepare() {
        printer();
    }

    private AnswerPrinter printer() {
        if (answer == null) {
            answer = printers.get();
        }
        return answer;
    }

    @Override
    public void flush() {
        io.out().flush();
        if (reasoningOpen) {
            io.err().flush();
        }
    }

    @Override
    public void error(String message, int exitCode) {
        io.error(message);
    }
}
