package ai.holysheep.chat.session;

import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.StoreException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A session's link to the history database, which may still be opening. Saving is a
 * convenience that must never cost the user an answer: the first failure (opening or writing)
 * is reported once through {@code warn}, and from then on the session carries on unsaved.
 */
final class HistoryBinding {
    private final CompletableFuture<ConversationStore> opening;
    private final Consumer<String> warn;
    private final AtomicBoolean broken = new AtomicBoolean();
    /** Set once anything is read or about to be written: closing must then wait for the store. */
    private final AtomicBoolean used = new AtomicBoolean();

    HistoryBinding(CompletableFuture<ConversationStore> opening, Consumer<String> warn) {
        this.opening = opening;
        this.warn = warn;
    }

    /** True once the store has opened or failed to: using it now cannot wait on SQLite's start-up. */
    boolean settled() {
        return opening.isDone();
    }

    boolean broken() {
        return broken.get();
    }

    /** Called before a write is queued for when the store is open, so that closing waits for it. */
    void willWrite() {
        used.set(true);
    }

    /** The open store, waiting for it if need be; empty (after one warning) when it is unusable. */
    Optional<ConversationStore> store() {
        used.set(true);
        if (broken.get()) {
            return Optional.empty();
        }
        try {
            return Optional.of(opening.join());
        } catch (CompletionException | CancellationException e) {
            failed(cause(e));
            return Optional.empty();
        }
    }

    /** The open store for an operation that cannot go on without it (loading a conversation). */
    ConversationStore require() {
        used.set(true);
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw cause(e);
        }
    }

    /** Stops saving for the rest of the session; warns the first time only. */
    void failed(RuntimeException e) {
        if (broken.compareAndSet(false, true)) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            warn.accept("not saving this conversation: " + reason.replaceAll("\\s+", " ").strip());
        }
    }

    /**
     * Waits for queued writes and closes the file; a failed store is left alone. A store never
     * used and still opening is closed once it opens, without waiting: quitting right after
     * start-up should not wait on SQLite's start-up for nothing.
     */
    void close() {
        if (!used.get() && !opening.isDone()) {
            opening.thenAcceptAsync(ConversationStore::close);
            return;
        }
        ConversationStore store;
        try {
            store = opening.join();
        } catch (RuntimeException e) {
            return;
        }
        try {
            store.close();
        } catch (StoreException e) {
            failed(e);
        }
    }

    private static RuntimeException cause(RuntimeException wrapper) {
        Throwable cause = wrapper.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        return new StoreException(cause == null ? wrapper.toString() : String.valueOf(cause.getMessage()), cause);
    }
}
