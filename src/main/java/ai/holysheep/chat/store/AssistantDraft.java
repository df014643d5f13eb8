package ai.holysheep.chat.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An assistant answer being saved while it streams. The first text creates the row (status
 * {@code partial}); after that the accumulated text is saved whenever {@link #SAVE_INTERVAL}
 * has passed since the last save, checked on each append, so a crash loses at most that much.
 * Saving is queued on the store's writer thread: {@code append} never waits for the disk.
 * A retry or resume keeps writing into the same row. An answer to a question is placed right
 * after it, whatever other processes saved into the conversation meanwhile. Thread-safe.
 */
public final class AssistantDraft {
    static final Duration SAVE_INTERVAL = Duration.ofMillis(250);

    private final ConversationStore store;
    private final long conversationId;
    /** The question this answers, which the row is placed right after; null for the conversation's end. */
    private final Long questionId;
    private final String model;
    private final Clock clock;
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private Instant createdAt;
    private long lastSaveMillis;
    private boolean saved;
    private boolean changed;
    private boolean finished;
    private Integer wastedTokens;
    /** The row's id once inserted; read and written only on the writer thread. */
    private long rowId = -1;
    private volatile StoreException failure;

    AssistantDraft(ConversationStore store, long conversationId, Long questionId, String model, Clock clock) {
        this.store = store;
        this.conversationId = conversationId;
        this.questionId = questionId;
        this.model = model;
        this.clock = clock;
    }

    public synchronized void append(String delta) {
        content.append(delta);
        changedNow();
    }

    public synchronized void appendReasoning(String delta) {
        reasoning.append(delta);
        changedNow();
    }

    /**
     * Replaces the whole answer text, for a restarted stream that did not continue where the
     * old one stopped. Saved at once: the stored text must not keep what was taken back.
     */
    public synchronized void replaceContent(String fullText) {
        ensureNotFinished();
        content.setLength(0);
        content.append(fullText);
        changed = true;
        save(MessageStatus.PARTIAL, null, null, null, null);
    }

    /**
     * Of the tokens {@link #finish} will save, how many were spent on attempts that broke (the
     * usage report's "wasted"); saved with the outcome.
     */
    public synchronized void wastedTokens(int tokens) {
        ensureNotFinished();
        wastedTokens = tokens;
    }

    /** Saves anything not yet saved and waits until it is committed. */
    public void flush() {
        synchronized (this) {
            if (changed) {
                save(MessageStatus.PARTIAL, null, null, null, null);
            }
        }
        store.call(c -> null);
        throwIfFailed();
    }

    /**
     * Saves the final text and outcome and waits for the commit. Returns the saved message, or
     * empty when no text or reasoning ever arrived (nothing was said, so nothing is stored).
     * Throws the first error any earlier background save met.
     */
    public Optional<StoredMessage> finish(MessageStatus status, String finishReason, Integer promptTokens,
                                          Integer completionTokens, Double cost) {
        synchronized (this) {
            ensureNotFinished();
            finished = true;
            store.draftFinished(this);
            if (!saved && content.length() == 0 && reasoning.length() == 0) {
                return Optional.empty();
            }
            save(status, finishReason, promptTokens, completionTokens, cost);
        }
        long id = store.call(c -> rowId);
        throwIfFailed();
        return Optional.of(store.call(c -> Rows.message(c, id)));
    }

    /** Called by the store when it closes, so text inside the save interval is not lost. */
    synchronized void saveIfChanged() {
        if (!finished && changed) {
            save(MessageStatus.PARTIAL, null, null, null, null);
        }
    }

    private void changedNow() {
        ensureNotFinished();
        changed = true;
        long now = clock.millis();
        if (!saved || now - lastSaveMillis >= SAVE_INTERVAL.toMillis()) {
            save(MessageStatus.PARTIAL, null, null, null, null);
        }
    }

    /** Queues a save of the current text; the caller holds this draft's lock. */
    private void save(MessageStatus status, String finishReason, Integer promptTokens,
                      Integer completionTokens, Double cost) {
        Instant now = clock.instant();
        if (createdAt == null) {
            createdAt = now;
        }
        StoredMessage snapshot = new StoredMessage(0, conversationId, 0, Role.ASSISTANT, content.toString(),
                reasoning.length() == 0 ? null : reasoning.toString(), model, status, finishReason,
                promptTokens, completionTokens, cost, createdAt, now);
        Integer wasted = status == MessageStatus.PARTIAL ? null : wastedTokens;
        saved = true;
        changed = false;
        lastSaveMillis = now.toEpochMilli();
        store.enqueue(c -> Database.inWriteTransaction(c, tx -> {
            // Inserting here rather than at the first append's call keeps append non-blocking;
            // a failed insert is simply tried again by the next save.
            if (rowId < 0) {
                rowId = questionId == null ? Rows.insertMessage(tx, snapshot) : Rows.insertAfter(tx, snapshot, questionId);
            } else {
                Rows.updateMessage(tx, rowId, snapshot);
            }
            if (wasted != null) {
                Rows.setWastedTokens(tx, rowId, wasted);
            }
            Rows.touchConversation(tx, conversationId, now, null);
            // Every save writes the whole text, so one that succeeds heals any earlier failure.
            failure = null;
            return null;
        }), this::recordFailure);
    }

    private void recordFailure(StoreException e) {
        if (failure == null) {
            failure = e;
        }
    }

    private void throwIfFailed() {
        StoreException e = failure;
        if (e != null) {
            throw e;
        }
    }

    private void ensureNotFinished() {
        if (finished) {
            throw new IllegalStateException("assistant draft already finished");
        }
    }
}
