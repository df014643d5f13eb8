package ai.holysheep.chat.session;

import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.store.AssistantDraft;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.MessageStatus;
import ai.holysheep.chat.stream.StreamEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Records one answer as it is shown. The thread that shows a turn's events passes each of them
 * here, in order, after showing it: text goes into the saved draft as it arrives, and the
 * terminal event ends the turn in the session (context, totals) and in the store.
 *
 * <p>While the history database is still opening, text is kept here and written to the draft
 * once the user's message is committed, so the saved question always comes before its answer.
 * Store failures are reported once by the session and never interrupt the turn.
 */
public final class TurnRecorder implements Consumer<StreamEvent> {
    private static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    private final ChatSession session;
    private final String model;
    private final Optional<Price> price;
    private final HistoryBinding history;
    /** Completes with where the answer goes once the question is committed; null when not saving. */
    private final CompletableFuture<AnswerPlace> questionSaved;
    private final CountDownLatch recorded = new CountDownLatch(1);
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private AssistantDraft draft;
    private boolean draftUnavailable;
    private TokenUsage usage;
    private TokenUsage wasted = NONE;
    private boolean ended;

    TurnRecorder(ChatSession session, String model, Optional<Price> price, HistoryBinding history,
                 CompletableFuture<AnswerPlace> questionSaved) {
        this.session = session;
        this.model = model;
        this.price = price;
        this.history = history;
        this.questionSaved = questionSaved;
    }

    @Override
    public synchronized void accept(StreamEvent event) {
        if (ended) {
            return;
        }
        if (event instanceof StreamEvent.Delta d) {
            content.append(d.text());
            write(draft -> draft.append(d.text()));
        } else if (event instanceof StreamEvent.Reasoning r) {
            reasoning.append(r.text());
            write(draft -> draft.appendReasoning(r.text()));
        } else if (event instanceof StreamEvent.Resumed r && r.diverged()) {
            // The restarted answer did not continue the old one; the deltas that follow are the
            // whole new answer, and the stored text must not keep what the screen took back.
            content.setLength(0);
            write(draft -> draft.replaceContent(""));
        } else if (event instanceof StreamEvent.Usage u) {
            usage = u.tokens();
            wasted = u.wasted() == null ? NONE : u.wasted();
        } else if (event.isTerminal()) {
            end(event);
        }
    }

    /**
     * Waits until the terminal event has been recorded (the answer committed, when saving).
     * A shutdown hook calls this after cancelling the turn, so Ctrl+C leaves the answer saved.
     */
    public boolean awaitRecorded(Duration timeout) throws InterruptedException {
        return recorded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void end(StreamEvent terminal) {
        ended = true;
        try {
            MessageStatus status = statusOf(terminal);
            Spend spend = spend();
            String finishReason = terminal instanceof StreamEvent.Done done ? done.finishReason() : null;
            // The answer is already on screen: now it is worth waiting for a store still opening.
            questionSaved.join();
            AssistantDraft saving = draft();
            if (saving != null) {
                try {
                    if (usage != null) {
                        // Part of the figures below, as in the usage event: what broken attempts cost.
                        saving.wastedTokens((int) wasted.totalTokens());
                    }
                    // The whole turn, every attempt: the same figures as the status bar and the usage event.
                    saving.finish(status, finishReason, usage == null ? null : (int) spend.promptTokens(),
                            usage == null ? null : (int) spend.completionTokens(),
                            usage == null || spend.cost().isEmpty() ? null : spend.cost().getAsDouble());
                } catch (RuntimeException e) {
                    history.failed(e);
                }
            }
            session.turnEnded(this, content.toString(), usage == null ? Optional.empty() : Optional.of(spend));
        } finally {
            recorded.countDown();
        }
    }

    private static MessageStatus statusOf(StreamEvent terminal) {
        if (terminal instanceof StreamEvent.Done) {
            return MessageStatus.COMPLETE;
        }
        if (terminal instanceof StreamEvent.Cancelled) {
            return MessageStatus.CANCELLED;
        }
        return MessageStatus.ERROR;
    }

    /** Retried attempts were billed too, so they count toward what the answer cost. */
    private Spend spend() {
        TokenUsage billed = (usage == null ? NONE : usage).plus(wasted);
        OptionalDouble cost = price.map(p -> OptionalDouble.of(p.cost(billed.promptTokens(), billed.completionTokens())))
                .orElse(OptionalDouble.empty());
        return new Spend(billed.promptTokens(), billed.completionTokens(), cost);
    }

    private void write(Consumer<AssistantDraft> change) {
        AssistantDraft existing = draft;
        if (existing == null) {
            // A draft opened now starts from everything kept so far, this event included.
            draft();
            return;
        }
        try {
            change.accept(existing);
        } catch (RuntimeException e) {
            history.failed(e);
        }
    }

    /** The draft, opened once the question is committed; null while it is not, or when not saving. */
    private AssistantDraft draft() {
        if (draft != null || draftUnavailable || !questionSaved.isDone() || history == null || history.broken()) {
            return draft;
        }
        AnswerPlace place = questionSaved.join();
        Optional<ConversationStore> store = place == null ? Optional.empty() : history.store();
        if (store.isEmpty()) {
            draftUnavailable = true;
            return null;
        }
        try {
            AssistantDraft opened = place.open(store.get(), model);
            if (reasoning.length() > 0) {
                opened.appendReasoning(reasoning.toString());
            }
            if (content.length() > 0) {
                opened.append(content.toString());
            }
            draft = opened;
        } catch (RuntimeException e) {
            draftUnavailable = true;
            history.failed(e);
        }
        return draft;
    }
}
