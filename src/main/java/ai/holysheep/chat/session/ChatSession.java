package ai.holysheep.chat.session;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.TokenEstimate;
import ai.holysheep.chat.config.AssistantRole;
import ai.holysheep.chat.config.RequestDefaults;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.Titles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One conversation as the user has it: what was said so far, the model and system prompt the
 * next request uses, and (when bound to a store) its saved copy. What its turns cost is kept in
 * its {@link SpendTally}; the other saved conversations are browsed through {@link SavedHistory}.
 * One-shot and the full-screen chat both drive it the same way:
 * <pre>
 *   ChatRequest request = session.beginTurn(text);   // records the question
 *   TurnRecorder recorder = session.recorder();      // pass it every event that is shown
 *   new Turn(client, request, sink, settings.retry()).start();
 * </pre>
 * One turn at a time: the next may begin once the recorder has seen the terminal event.
 * Thread-safe; the recorder is normally called from the thread that shows the events.
 */
public final class ChatSession implements AutoCloseable {
    private final Settings settings;
    private final HistoryBinding history;
    /** Null when not saving. */
    private final SavedHistory savedHistory;
    private final SpendTally spending = new SpendTally();
    private final List<ChatMessage> messages = new ArrayList<>();
    private String model;
    private String systemPrompt;
    /** The next request's temperature; null lets the server decide. */
    private Double temperature;
    private Long conversationId;
    private String title;
    private TurnRecorder current;
    private ContextWindows windows;
    /** How many of the oldest turns the last request begun left out to fit the model's window. */
    private int turnsLeftOut;

    private ChatSession(Settings settings, HistoryBinding history) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.history = history;
        this.savedHistory = history == null ? null : new SavedHistory(history);
        this.model = settings.model();
        this.windows = new ContextWindows(settings, null);
        RequestDefaults defaults = settings.request();
        setSystemPrompt(defaults == null ? null : defaults.system());
        temperature = defaults == null ? null : defaults.temperature();
    }

    /** A session that saves nothing. */
    public static ChatSession unsaved(Settings settings) {
        return new ChatSession(settings, null);
    }

    /**
     * A session saved to the store {@code opening} yields. Pass the future while SQLite is still
     * opening ({@link ConversationStore#openAsync}): the first request does not wait for it.
     * {@code warn} gets one line, once, if saving fails; the session then carries on unsaved.
     * {@link #close()} closes the store.
     */
    public static ChatSession saved(Settings settings, CompletableFuture<ConversationStore> opening,
                                    Consumer<String> warn) {
        return new ChatSession(settings, new HistoryBinding(opening, warn));
    }

    /** The messages the next request starts from: the system prompt (if any) first. */
    public synchronized List<ChatMessage> context() {
        List<ChatMessage> context = new ArrayList<>(messages.size() + 1);
        if (systemPrompt != null) {
            context.add(ChatMessage.system(systemPrompt));
        }
        context.addAll(messages);
        return List.copyOf(context);
    }

    /**
     * Lets requests use the context windows {@code catalog} (a gateway's {@code /models}) states,
     * over the configured and built-in ones.
     */
    public synchronized void windowsFrom(ContextWindows.Catalog catalog) {
        windows = new ContextWindows(settings, catalog);
    }

    /**
     * The one-line note for the request last begun when it left out the oldest turns to fit the
     * model's context window; empty when it sends the whole conversation.
     */
    public synchronized Optional<String> contextNote() {
        if (turnsLeftOut == 0) {
            return Optional.empty();
        }
        return Optional.of(turnsLeftOut + (turnsLeftOut == 1 ? " earlier turn" : " earlier turns")
                + " left out to fit " + model + "'s context window");
    }

    public synchronized String model() {
        return model;
    }

    /** The model for the next request; a turn already streaming keeps its own. */
    public synchronized void switchModel(String newModel) {
        if (newModel == null || newModel.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        model = newModel.strip();
    }

    /** Applies from the next request on; null or blank removes the system prompt. */
    public synchronized void setSystemPrompt(String text) {
        systemPrompt = text == null || text.isBlank() ? null : text;
    }

    /**
     * Answers in {@code role} from the next request on ({@code /role}): its system prompt, and
     * its model and temperature where it names them; a role without a temperature goes back to
     * the configured one, so the last role's does not linger.
     */
    public synchronized void useRole(AssistantRole role) {
        setSystemPrompt(role.system());
        if (role.model() != null) {
            switchModel(role.model());
        }
        RequestDefaults defaults = settings.request() == null ? RequestDefaults.NONE : settings.request();
        temperature = role.temperature() != null ? role.temperature() : defaults.temperature();
    }

    /** The saved conversation's id; empty until the first question is saved, and when not saving. */
    public synchronized OptionalLong conversationId() {
        return conversationId == null ? OptionalLong.empty() : OptionalLong.of(conversationId);
    }

    /** Empty until the first question (or {@link #rename}) gives the conversation a title. */
    public synchronized Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public synchronized boolean turnInProgress() {
        return current != null;
    }

    /** What this session's turns spent (across conversations). */
    public SpendTally spending() {
        return spending;
    }

    /**
     * Adds the user's question and returns the request that asks it with everything said so
     * far. Saving the question follows one rule with two cases, so that neither a crash loses
     * the question nor SQLite's start-up delays the answer:
     * <ul>
     *   <li>the store is open (or known to be unusable): the question is committed before this
     *       returns, so it is durable before the request is sent;</li>
     *   <li>the store is still opening: this returns at once and the question is committed as
     *       soon as the store is ready; the recorder holds back the answer's text until then,
     *       so the stored answer never precedes its question.</li>
     * </ul>
     * The request leaves out the oldest turns when the whole conversation would not fit the
     * model's context window ({@link #contextNote()} says how many).
     *
     * @throws ContextTooLongException when the question alone does not fit: nothing is recorded
     */
    public synchronized ChatRequest beginTurn(String userText) {
        return beginTurn(userText, List.of());
    }

    /**
     * {@link #beginTurn(String)} with images ({@code data:} URLs) shown to the model along with
     * the text, which should name them: only the text is saved. The images go with this question
     * (and its {@link #retryLast}) alone; later requests send its text, as a continued
     * conversation does, so a conversation goes on the same whether or not it was continued.
     *
     * @throws ImagesNotTakenException when there are images and the model is not known to take them
     */
    public synchronized ChatRequest beginTurn(String userText, List<String> images) {
        Objects.requireNonNull(userText, "userText");
        ensureNoTurn();
        requireSight(images);
        messages.replaceAll(ChatMessage::withoutImages);
        messages.add(ChatMessage.user(userText, images));
        String asked = model;
        ChatRequest request;
        try {
            request = request(asked);
        } catch (ContextTooLongException e) {
            messages.remove(messages.size() - 1);
            throw e;
        }
        if (title == null) {
            title = Titles.fromPrompt(userText);
        }
        current = new TurnRecorder(this, asked, settings.price(asked), history, saveQuestion(userText, asked));
        return request;
    }

    /**
     * The recorder for the turn in progress (the last one begun, until its terminal event).
     *
     * @throws IllegalStateException when no turn is in progress
     */
    public synchronized TurnRecorder recorder() {
        if (current == null) {
            throw new IllegalStateException("no turn in progress");
        }
        return current;
    }

    /**
     * Asks the last question again ({@code /retry}): the answer it got leaves the context, and
     * the new answer is saved after it, so a resumed conversation sends only the new one.
     *
     * @throws IllegalStateException when a turn is in progress or nothing was asked yet
     * @throws ContextTooLongException when the question alone does not fit the model now in use
     */
    public synchronized ChatRequest retryLast() {
        ensureNoTurn();
        int lastQuestion = -1;
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                lastQuestion = i;
                break;
            }
        }
        if (lastQuestion < 0) {
            throw new IllegalStateException("nothing to ask again");
        }
        requireSight(messages.get(lastQuestion).images());
        List<ChatMessage> answers = messages.subList(lastQuestion + 1, messages.size());
        List<ChatMessage> replaced = List.copyOf(answers);
        answers.clear();
        String asked = model;
        ChatRequest request;
        try {
            request = request(asked);
        } catch (ContextTooLongException e) {
            messages.addAll(replaced);
            throw e;
        }
        markReplaced();
        CompletableFuture<AnswerPlace> saved = history == null || history.broken() || conversationId == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.completedFuture(AnswerPlace.atEnd(conversationId));
        current = new TurnRecorder(this, asked, settings.price(asked), history, saved);
        return request;
    }

    /** Starts afresh: empty context, no title; the next question starts a new saved conversation. */
    public synchronized void newConversation() {
        ensureNoTurn();
        messages.clear();
        conversationId = null;
        title = null;
    }

    /**
     * Sets the conversation's title ({@code /title}); saved at once when the conversation is
     * saved already, else used when it is.
     */
    public synchronized void rename(String newTitle) {
        if (newTitle == null || newTitle.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        title = newTitle.strip();
        if (conversationId != null && history != null) {
            long id = conversationId;
            history.store().ifPresent(store -> {
                try {
                    store.rename(id, title);
                } catch (RuntimeException e) {
                    history.failed(e);
                }
            });
        }
    }

    /**
     * Continues a saved conversation: its messages become the context (see {@link StoredContext}
     * for which), its title this session's, and its model the one the next request uses.
     * Waits for the store to open. Returns empty when there is no such conversation.
     *
     * @throws ai.holysheep.chat.store.StoreException when the history database cannot be used
     * @throws IllegalStateException when this session is not saved, or a turn is in progress
     */
    public synchronized Optional<Conversation> load(long id) {
        ensureNoTurn();
        Optional<SavedConversation> found = requireSaved().read(id);
        found.ifPresent(this::resume);
        return found.map(SavedConversation::conversation);
    }

    /** The saved conversations to list and continue; empty when this session saves nothing. */
    public Optional<SavedHistory> savedHistory() {
        return Optional.ofNullable(savedHistory);
    }

    /**
     * Continues a conversation already read ({@link SavedHistory#read}): quick, no database
     * work, so the thread that shows the chat can call it.
     *
     * @throws IllegalStateException when a turn is in progress
     */
    public synchronized void resume(SavedConversation saved) {
        ensureNoTurn();
        Conversation conversation = saved.conversation();
        messages.clear();
        messages.addAll(StoredContext.of(saved.messages()));
        conversationId = conversation.id();
        title = conversation.title();
        if (conversation.model() != null) {
            model = conversation.model();
        }
    }

    /** Continues the conversation with the latest activity; empty when none is saved. */
    public synchronized Optional<Conversation> continueMostRecent() {
        ensureNoTurn();
        Optional<Conversation> found = requireSaved().mostRecent();
        return found.isEmpty() ? found : load(found.get().id());
    }

    /**
     * A session that saves nothing and starts where this one is: its messages as context, its
     * model and system prompt. For asking about a saved conversation without adding to it.
     *
     * @throws IllegalStateException when a turn is in progress
     */
    public synchronized ChatSession withoutSaving() {
        ensureNoTurn();
        ChatSession unsaved = unsaved(settings);
        unsaved.messages.addAll(messages);
        unsaved.model = model;
        unsaved.systemPrompt = systemPrompt;
        unsaved.temperature = temperature;
        unsaved.windows = windows;
        return unsaved;
    }

    /** Closes the store after its queued writes; an answer still streaming is kept as partial. */
    @Override
    public void close() {
        if (history != null) {
            history.close();
        }
    }

    synchronized void turnEnded(TurnRecorder recorder, String answer, Optional<Spend> spend) {
        if (recorder != current) {
            return;
        }
        current = null;
        // The live context follows the rule a resumed one does: any answer the user saw is context.
        if (!answer.isEmpty()) {
            messages.add(ChatMessage.assistant(answer));
        }
        spending.add(spend);
    }

    /** The saved answers the retry replaces are marked so, before the new one is saved after them. */
    private void markReplaced() {
        if (history == null || history.broken() || conversationId == null) {
            return;
        }
        long id = conversationId;
        history.store().ifPresent(store -> {
            try {
                store.markAnswersReplaced(id);
            } catch (RuntimeException e) {
                history.failed(e);
            }
        });
    }

    private SavedHistory requireSaved() {
        if (savedHistory == null) {
            throw new IllegalStateException("this session is not saved");
        }
        return savedHistory;
    }

    /** See {@link #beginTurn}: committed now when the store is settled, else once it opens. */
    private CompletableFuture<AnswerPlace> saveQuestion(String text, String asked) {
        if (history == null || history.broken()) {
            return CompletableFuture.completedFuture(null);
        }
        history.willWrite();
        if (history.settled()) {
            return CompletableFuture.completedFuture(commitQuestion(text, asked));
        }
        // Not the store's own thread: committing there would wait on itself.
        return CompletableFuture.supplyAsync(() -> commitQuestion(text, asked));
    }

    /** Returns where its answer goes, or null when the question could not be saved. */
    private AnswerPlace commitQuestion(String text, String asked) {
        Optional<ConversationStore> store = history.store();
        if (store.isEmpty()) {
            return null;
        }
        synchronized (this) {
            try {
                if (conversationId == null) {
                    conversationId = store.get().createConversation(title, settings.profile(), asked).id();
                }
                return AnswerPlace.after(store.get().appendUserMessage(conversationId, text, asked));
            } catch (RuntimeException e) {
                history.failed(e);
                return null;
            }
        }
    }

    private ChatRequest request(String asked) {
        RequestDefaults defaults = settings.request() == null ? RequestDefaults.NONE : settings.request();
        List<ChatMessage> context = context();
        OptionalLong window = windows.of(asked, TokenEstimate.of(context));
        ContextFit.Fitted fitted = window.isEmpty()
                ? new ContextFit.Fitted(context, 0)
                : ContextFit.fit(context, asked, window.getAsLong(), defaults.maxTokens());
        turnsLeftOut = fitted.turnsLeftOut();
        return new ChatRequest(asked, fitted.messages(), temperature, defaults.maxTokens());
    }

    private void requireSight(List<String> images) {
        if (!images.isEmpty() && !settings.attach().takesImages(model)) {
            throw new ImagesNotTakenException(model);
        }
    }

    private void ensureNoTurn() {
        if (current != null) {
            throw new IllegalStateException("a turn is in progress");
        }
    }
}
