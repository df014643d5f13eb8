package ai.holysheep.chat.tui;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.session.SpendTally;
import ai.holysheep.chat.session.TurnRecorder;
import ai.holysheep.chat.stream.FailureKind;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The answer being received: starts a turn on the backend, shows its stream events in the answer
 * and the status bar as the UI thread takes them from the queue, and hands them to the session's
 * recorder. Network threads only queue events; everything here runs on the UI thread. Events of
 * an earlier turn still queued when a new one starts are recognised by the turn's number and
 * dropped.
 */
final class ActiveTurn {
    private final ChatSession session;
    private final Backend backend;
    private final MessagePane pane;
    private final StatusBar status;
    private final Clock clock;
    private final Consumer<UiEvent> queue;

    private Turn turn;
    private TurnRecorder recorder;
    private AnswerEntry answer;
    private long turnId;
    private boolean resumedThisTurn;

    ActiveTurn(ChatSession session, Backend backend, MessagePane pane, StatusBar status, Clock clock, Consumer<UiEvent> queue) {
        this.session = session;
        this.backend = backend;
        this.pane = pane;
        this.status = status;
        this.clock = clock;
        this.queue = queue;
    }

    boolean running() {
        return turn != null;
    }

    void cancel() {
        if (turn != null) {
            turn.cancel();
        }
    }

    /** Sends {@code request}; its answer is added to the pane and follows as events are handled. */
    void start(ChatRequest request) {
        recorder = session.recorder();
        answer = new AnswerEntry(request.model());
        pane.add(answer);
        pane.end();
        resumedThisTurn = false;
        status.connection(new Connection.Sending(clock.millis()));
        long id = ++turnId;
        Consumer<StreamEvent> sink = event -> queue.accept(new UiEvent.FromTurn(id, event));
        try {
            turn = backend.turn(request, sink);
        } catch (RuntimeException e) {
            // The gateway could not be set up (the simulated one found no port): this turn fails.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            show(new StreamEvent.Failed(FailureKind.UNAVAILABLE, "cannot reach the gateway: " + why));
            return;
        }
        turn.start();
    }

    void handle(UiEvent.FromTurn t) {
        if (t.turn() == turnId && answer != null) {
            show(t.event());
        }
    }

    private void show(StreamEvent event) {
        long now = clock.millis();
        if (event instanceof StreamEvent.Delta d) {
            answer.append(d.text());
            streaming(now);
        } else if (event instanceof StreamEvent.Reasoning r) {
            answer.appendReasoning(r.text());
            streaming(now);
        } else if (event instanceof StreamEvent.Retrying r) {
            status.connection(new Connection.Retrying(r.attempt(), r.max(), now + r.delay().toMillis(), r.reason()));
        } else if (event instanceof StreamEvent.Resumed r) {
            resumedThisTurn = true;
            if (r.diverged()) {
                // The new attempt tells a different answer; what follows replaces what was shown.
                answer.keepOnly(0);
            }
            status.connection(new Connection.Streaming(now, 0, true, now));
        } else if (event instanceof StreamEvent.Done d) {
            String cut = AnswerEntry.cutShort(d.finishReason());
            answer.end(AnswerEntry.Outcome.DONE, cut);
            status.connection(new Connection.Ready((cut == null ? "done" : "done · cut short") + (resumedThisTurn ? " · resumed" : "")));
        } else if (event instanceof StreamEvent.Failed f) {
            answer.end(AnswerEntry.Outcome.FAILED, f.message());
            status.connection(new Connection.Error(f.kind().name().toLowerCase(Locale.ROOT)));
        } else if (event instanceof StreamEvent.GaveUp g) {
            answer.end(AnswerEntry.Outcome.FAILED, "gave up after " + g.attempts() + " attempts: " + g.lastError());
            status.connection(new Connection.Error("gave up after " + g.attempts() + " attempts"));
        } else if (event instanceof StreamEvent.Cancelled) {
            answer.end(AnswerEntry.Outcome.CANCELLED, null);
            status.connection(new Connection.Cancelled());
        }
        recorder.accept(event);
        if (event.isTerminal()) {
            turn = null;
            recorder = null;
            answer = null;
            SpendTally spending = session.spending();
            status.spend(spending.lastTurn(), spending.total());
        }
    }

    private void streaming(long now) {
        if (status.connection() instanceof Connection.Streaming s) {
            status.connection(new Connection.Streaming(s.pieces() == 0 ? now : s.since(), s.pieces() + 1, s.resumed(), now));
        } else {
            status.connection(new Connection.Streaming(now, 1, resumedThisTurn, now));
        }
    }
}
