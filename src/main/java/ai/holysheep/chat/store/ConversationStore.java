package ai.holysheep.chat.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saved conversations in one SQLite file. Every database call runs on a single writer thread
 * owned by the store, so a streaming thread that appends text only enqueues and returns, and
 * reads see every write enqueued before them. Methods that return a value wait for it;
 * the write methods return once the change is committed. Safe to use from any thread, and
 * from several processes on the same file at once.
 */
public final class ConversationStore implements AutoCloseable {
    private final Path file;
    private final ExecutorService writer;
    private final Connection connection;
    private final Clock clock;
    private final Set<AssistantDraft> openDrafts = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ConversationStore(Path file, ExecutorService writer, Connection connection, Clock clock) {
        this.file = file;
        this.writer = writer;
        this.connection = connection;
        this.clock = clock;
    }

    public static ConversationStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** The clock stamps rows and paces draft saves; tests pass a fake one. */
    public static ConversationStore open(Path file, Clock clock) {
        try {
            return openAsync(file, clock).join();
        } catch (CompletionException e) {
            throw asStoreException(e.getCause());
        }
    }

    /**
     * Opens on the store's own thread. Loading SQLite takes a noticeable fraction of a second
     * the first time, so callers start this, send their request, and join before the first write.
     * The future fails with a {@link StoreException} (e.g. {@link SchemaTooNewException}).
     */
    public static CompletableFuture<ConversationStore> openAsync(Path file) {
        return openAsync(file, Clock.systemUTC(), Optional.empty());
    }

    /**
     * As {@link #openAsync(Path)}, with SQLite's native library kept in {@code nativeLibraries}
     * ({@link NativeLibraryCache}) rather than extracted anew by the driver.
     */
    public static CompletableFuture<ConversationStore> openAsync(Path file, Path nativeLibraries) {
        return openAsync(file, Clock.systemUTC(), Optional.of(nativeLibraries));
    }

    public static CompletableFuture<ConversationStore> openAsync(Path file, Clock clock) {
        return openAsync(file, clock, Optional.empty());
    }

    private static CompletableFuture<ConversationStore> openAsync(Path file, Clock clock, Optional<Path> nativeLibraries) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "history-writer");
            // close() drains the queue; a daemon thread cannot keep a finished program alive.
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<ConversationStore> opening = CompletableFuture.supplyAsync(() -> {
            nativeLibraries.ifPresent(NativeLibraryCache::use);
            HistoryLocation.createParentDirectories(file);
            HistoryLocation.createPrivateFile(file);
            Connection connection = Database.open(file, Migrations.ALL);
            return new ConversationStore(file, writer, connection, clock);
        }, writer);
        opening.whenComplete((store, failure) -> {
            if (failure != null) {
                writer.shutdown();
            }
        });
        return opening;
    }

    public Conversation createConversation(String title, String profile, String model) {
        Objects.requireNonNull(title, "title");
        Instant now = clock.instant();
        return call(c -> Database.inWriteTransaction(c, tx -> {
            long id = Rows.insertConversation(tx, title, now, now, profile, model);
            return Rows.conversation(tx, id).orElseThrow();
        }));
    }

    /** Returns once the message is committed: call it before sending the request. */
    public StoredMessage appendUserMessage(long conversationId, String text, String model) {
        Objects.requireNonNull(text, "text");
        Instant now = clock.instant();
        StoredMessage message = new StoredMessage(0, conversationId, 0, Role.USER, text, null, model,
                MessageStatus.COMPLETE, null, null, null, null, now, now);
        return call(c -> Database.inWriteTransaction(c, tx -> {
            long id = Rows.insertMessage(tx, message);
            Rows.touchConversation(tx, conversationId, now, model);
            return Rows.message(tx, id);
        }));
    }

    /**
     * A draft for an answer about to stream in, saved at the conversation's end (an answer
     * asked again, which follows the one it replaces). No row exists until the first text
     * arrives; see {@link AssistantDraft} for how often it is saved.
     */
    public AssistantDraft startAssistant(long conversationId, String model) {
        return draft(conversationId, null, model);
    }

    /**
     * As {@link #startAssistant}, for the answer to {@code question}: its row goes right after
     * the question, even when another process has saved messages into the conversation since.
     */
    public AssistantDraft startAnswer(StoredMessage question, String model) {
        return draft(question.conversationId(), question.id(), model);
    }

    private AssistantDraft draft(long conversationId, Long questionId, String model) {
        ensureOpen();
        AssistantDraft draft = new AssistantDraft(this, conversationId, questionId, model, clock);
        openDrafts.add(draft);
        return draft;
    }

    /**
     * The last question is being asked again ({@code /retry}): the answers it got so far are
     * marked replaced, before the new answer is saved after them. Returns how many were marked.
     */
    public int markAnswersReplaced(long conversationId) {
        return call(c -> Database.inWriteTransaction(c, tx -> Rows.markAnswersReplaced(tx, conversationId)));
    }

    /** Newest first by last activity, with message counts. */
    public List<Conversation> listConversations(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return call(c -> Rows.listConversations(c, limit));
    }

    /** The conversation a bare {@code --continue} picks up. */
    public Optional<Conversation> mostRecent() {
        return listConversations(1).stream().findFirst();
    }

    public Optional<Conversation> conversation(long id) {
        return call(c -> Rows.conversation(c, id));
    }

    /** In conversation order, partial and failed answers included (callers choose what to resend). */
    public List<StoredMessage> messages(long conversationId) {
        return call(c -> Rows.messages(c, conversationId));
    }

    /** What each answer saved since {@code since} used and cost, oldest first, for the usage report. */
    public List<AnswerUsage> answerUsage(Instant since) {
        Objects.requireNonNull(since, "since");
        return call(c -> Rows.answerUsage(c, since));
    }

    /** Conversations whose title or any message contains the text, newest first. */
    public List<Conversation> search(String text) {
        Objects.requireNonNull(text, "text");
        return call(c -> Rows.search(c, text));
    }

    /** Deletes the conversation and its messages; false when there was no such conversation. */
    public boolean delete(long id) {
        return call(c -> Database.inWriteTransaction(c, tx -> Rows.deleteConversation(tx, id)));
    }

    public boolean rename(long id, String title) {
        Objects.requireNonNull(title, "title");
        return call(c -> Database.inWriteTransaction(c, tx -> Rows.renameConversation(tx, id, title)));
    }

    /** The conversation and its messages read in one snapshot; empty when there is no such id. */
    public Optional<ConversationExport> snapshot(long id) {
        return call(c -> Database.inReadTransaction(c, tx -> {
            Optional<Conversation> conversation = Rows.conversation(tx, id);
            if (conversation.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ConversationExport(ConversationExport.FORMAT_VERSION,
                    conversation.get(), Rows.messages(tx, id)));
        }));
    }

    public Optional<String> export(long id, ExportFormat format) {
        return snapshot(id).map(snapshot -> Exports.write(snapshot, format));
    }

    /**
     * Adds an exported conversation as a new one (new ids, same titles, texts, statuses, usage
     * and times). Returns the new conversation.
     */
    public Conversation importConversation(ConversationExport export) {
        Conversation source = export.conversation();
        return call(c -> Database.inWriteTransaction(c, tx -> {
            long id = Rows.insertConversation(tx, source.title(), source.createdAt(), source.updatedAt(),
                    source.profile(), source.model());
            for (StoredMessage m : export.messages()) {
                Rows.insertMessage(tx, new StoredMessage(0, id, 0, m.role(), m.content(), m.reasoning(),
                        m.model(), m.status(), m.finishReason(), m.promptTokens(), m.completionTokens(),
                        m.cost(), m.createdAt(), m.updatedAt(), m.replaced()));
            }
            return Rows.conversation(tx, id).orElseThrow();
        }));
    }

    /**
     * Saves what unfinished drafts hold (they stay {@code partial}), waits for every queued
     * write, then closes the file. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (AssistantDraft draft : openDrafts) {
            draft.saveIfChanged();
        }
        closed = true;
        writer.execute(() -> Database.closeQuietly(connection));
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new StoreException("history database " + file + " did not finish writing within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while closing history database " + file, e);
        }
    }

    /** Runs on the writer thread without waiting; failures go to {@code onFailure}. */
    void enqueue(SqlWork<?> work, Consumer<StoreException> onFailure) {
        ensureOpen();
        writer.execute(() -> {
            try {
                work.run(connection);
            } catch (Exception e) {
                onFailure.accept(asStoreException(e));
            }
        });
    }

    /** Runs on the writer thread after everything queued before it, and waits for the result. */
    <T> T call(SqlWork<T> work) {
        ensureOpen();
        try {
            return writer.submit(() -> work.run(connection)).get();
        } catch (ExecutionException e) {
            throw asStoreException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while using history database " + file, e);
        }
    }

    void draftFinished(AssistantDraft draft) {
        openDrafts.remove(draft);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("conversation store is closed");
        }
    }

    private static StoreException asStoreException(Throwable t) {
        if (t instanceof StoreException e) {
            return e;
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new StoreException("history database: " + message.replaceAll("\\s+", " ").strip(), t);
    }
}
