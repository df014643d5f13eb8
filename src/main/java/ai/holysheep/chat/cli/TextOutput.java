package ai.holysheep.chat.cli;

import ai.holysheep.chat.stream.StreamEvent;

/**
 * The answer text alone on stdout, as it arrives; everything else on stderr. Reasoning is shown
 * (dimmed) only when stderr is a terminal, so scripts capturing stderr do not get it.
 */
final class TextOutput implements TurnOutput {
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final Io io;
    private boolean answerStarted;
    private boolean endsWithNewline = true;
    private boolean reasoningOpen;

    TextOutput(Io io) {
        this.io = io;
    }

    @Override
    public void show(StreamEvent event) {
        if (event instanceof StreamEvent.Delta d) {
            closeReasoning();
            answerStarted = true;
            io.out().print(d.text());
            endsWithNewline = d.text().endsWith("\n");
        } else if (event instanceof StreamEvent.Reasoning r) {
            if (io.stderrIsTerminal() && !answerStarted) {
                io.err().print((reasoningOpen ? "" : DIM) + r.text());
                reasoningOpen = true;
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
        } else if (event instanceof StreamEvent.Cancelled) {
            endAnswer();
        }
    }

    private void closeReasoning() {
        if (reasoningOpen) {
            io.err().print(RESET + "\n");
            io.err().flush();
            reasoningOpen = false;
        }
    }

    private void endAnswer() {
        closeReasoning();
        if (answerStarted && !endsWithNewline) {
            io.out().print('\n');
            endsWithNewline = true;
        }
        io.out().flush();
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
