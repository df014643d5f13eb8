package ai.holysheep.chat.tui;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.attach.Attachment;
import ai.holysheep.chat.attach.MessageText;
import ai.holysheep.chat.config.AssistantRole;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.render.CodeBlocks;
import ai.holysheep.chat.render.TerminalSanitizer;
import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.session.ContextTooLongException;
import ai.holysheep.chat.session.ImagesNotTakenException;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The full-screen chat. One thread owns it and calls {@link #step} in a loop: handle what the
 * network threads queued, read the keys that are waiting, and draw a frame when something changed
 * and the last frame is old enough. Network callbacks never touch the screen, so a fast stream
 * costs one cheap append per piece and at most one frame per interval.
 */
public final class ChatScreen {
    /** Below this the layout cannot work; a short message is shown instead. */
    static final int MIN_COLUMNS = 24;
    static final int MIN_ROWS = 8;
    static final String MORE_BELOW = " ↓ more below · End ";

    private final Screen screen;
    private final ChatSession session;
    private final Backend backend;
    private final Clock clock;
    private final Duration frameInterval;
    private final Executor background;
    private final Clipboard clipboard;
    private final DraftEditor editor;
    private final Map<String, AssistantRole> roles;

    private final BlockingQueue<UiEvent> events = new LinkedBlockingQueue<>();
    private final Canvas canvas;
    private final Styles styles = new Styles();
    /** Package-private for the tests, which read the transcript and the draft. */
    final MessagePane pane = new MessagePane();
    final InputBox input = new InputBox();
    private final DraftView draft = new DraftView(input);
    private final StatusBar status;
    private final Keys keys;
    private final Commands commands;
    private final Conversations conversations;
    private final ModelSwitcher models;
    /** Files and images waiting to go with the next message. */
    final PendingFiles files;
    /** The open help window, or null. */
    private HelpDialog help;

    private final ActiveTurn turns;
    private boolean quit;
    private boolean dirty = true;
    /** The next frame repaints every cell (first frame, resize, Ctrl+L), not only what changed. */
    private boolean repaintAll = true;
    private long lastFrame = Long.MIN_VALUE / 2;
    private String lastStatus = "";
    private int inputWidth = 1;

    public ChatScreen(Screen screen, ChatSession session, Backend backend, Settings settings, Clock clock,
                      Duration frameInterval, Executor background, Clipboard clipboard, DraftEditor editor) {
        this.screen = screen;
        this.session = session;
        this.backend = backend;
        this.clock = clock;
        this.frameInterval = frameInterval;
        this.background = background;
        this.clipboard = clipboard;
        this.editor = editor;
        this.roles = settings.roles();
        this.canvas = new Canvas(screen);
        this.status = new StatusBar(settings.retry().idleTimeout());
        this.turns = new ActiveTurn(session, backend, pane, status, clock, events::add);
        Controls controls = new Controls();
        this.models = new ModelSwitcher(session::model, new ModelCatalog("gateway", backend::models, settings.models(),
                settings.prices()), background, events::add, text -> note(text, true));
        this.conversations = new Conversations(controls, session, background, events::add, clock.getZone());
        this.files = new PendingFiles(Path.of(""), Path.of(System.getProperty("user.home")), settings.attach().maxBytes(),
                this::note);
        this.commands = new Commands(controls);
        this.keys = new Keys(controls, input, pane, commands, models, conversations);
        status.model(session.model());
        status.simulated(backend.simulated());
        if (backend.simulated()) {
            note("You are talking to the built-in simulated gateway: answers are canned text, not a model. "
                    + "Set HOLYSHEEP_API_KEY (or a base_url in the config) to reach a real one. F1 shows the keys.", false);
        } else {
            note("Enter sends · Alt+Enter new line · Esc stops an answer · F2 models · F3 history · F1 help · Ctrl+D quits", false);
        }
        conversations.showContinued();
    }

    /** Runs until the user quits; the caller restores the terminal. */
    public void run() throws IOException, InterruptedException {
        // The first frame goes out before anything slow starts: the user sees the chat at once.
        boolean going = step(Duration.ZERO);
        backend.prepare(background);
        while (going && step(Duration.ofMillis(8))) {
            // Each step waits for work by itself.
        }
    }

    /**
     * One turn of the loop: waits up to {@code wait} for a queued event, handles every queued
     * event and waiting key, and draws a frame if one is due. Returns false once the user quit.
     */
    public boolean step(Duration wait) throws IOException, InterruptedException {
        // Keys first: an Esc's cancellation is then shown in this same step.
        if (StepInput.keys(screen, () -> quit, keys::handle)) {
            dirty = true;
        }
        if (StepInput.events(events, wait, this::handle)) {
            dirty = true;
        }
        if (quit) {
            return false;
        }
        TerminalSize newSize = screen.doResizeIfNecessary();
        if (newSize != null) {
            repaintAll = true;
            dirty = true;
        }
        long now = clock.millis();
        String statusText = status.text(now);
        if (!statusText.equals(lastStatus)) {
            dirty = true;
        }
        if (dirty && now - lastFrame >= frameInterval.toMillis()) {
            draw(now);
            lastStatus = statusText;
        }
        return true;
    }

    /** Shows a problem found off the UI thread (the history database failing); thread-safe. */
    public void warn(String text) {
        events.add(new UiEvent.Note(text, true));
    }

    /** Ends the chat: a running answer is cancelled and recorded as partial. */
    public void close() {
        cancelTurn();
        drainTurnEvents();
    }

    // ---- what keys and commands do -------------------------------------------------------

    private void quit() {
        close();
        quit = true;
    }

    boolean turnRunning() {
        return turns.running();
    }

    private void cancelTurn() {
        turns.cancel();
    }

    private int inputWidth() {
        return inputWidth;
    }

    private void send(String text) {
        if (turnRunning()) {
            note("An answer is still coming; Esc stops it.", true);
            return;
        }
        if (conversations.opening()) {
            note("Still opening the conversation; ask again in a moment.", true);
            return;
        }
        List<Attachment> attached = files.files();
        ChatRequest request;
        try {
            request = session.beginTurn(MessageText.of(text, attached), MessageText.images(attached));
        } catch (IllegalStateException e) {
            note(e.getMessage(), true);
            return;
        } catch (ContextTooLongException | ImagesNotTakenException e) {
            // Back as the draft (the files stay attached), to be changed rather than typed again.
            if (input.isEmpty()) {
                input.insert(text);
            }
            note(e.getMessage(), true);
            return;
        }
        files.clear();
        conversations.asked();
        pane.add(new TextEntry(TextEntry.Kind.USER, PendingFiles.shown(text, attached)));
        session.contextNote().ifPresent(n -> note(n + ".", false));
        turns.start(request);
    }

    /**
     * {@code /edit} and Ctrl+X Ctrl+E: the draft goes to the user's editor and what it leaves
     * comes back as the draft, to be sent with Enter. An editor that fails or leaves nothing
     * keeps the draft as it was.
     */
    private void editDraft() {
        ExternalEditor.Outcome outcome;
        try {
            outcome = editor.edit(input.text());
        } catch (IOException e) {
            note("The editor could not be run: " + e.getMessage(), true);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            // The editor drew over the whole terminal.
            repaint();
        }
        if (outcome instanceof ExternalEditor.Outcome.Edited edited) {
            input.clear();
            input.insert(edited.text());
        } else {
            String reason = ((ExternalEditor.Outcome.NothingToSend) outcome).reason();
            note(Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + "; the draft is as it was.", true);
        }
    }

    /** Asks the last question again, replacing the answer it got on screen. */
    private void retry() {
        if (turnRunning()) {
            note("An answer is still coming; Esc stops it first.", true);
            return;
        }
        ChatRequest request;
        try {
            request = session.retryLast();
        } catch (IllegalStateException e) {
            note("Nothing to retry yet.", true);
            return;
        } catch (ContextTooLongException e) {
            note(e.getMessage(), true);
            return;
        }
        session.contextNote().ifPresent(n -> note(n + ".", false));
        List<Entry> entries = pane.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) instanceof AnswerEntry) {
                pane.remove(i);
                break;
            }
            if (entries.get(i) instanceof TextEntry t && t.kind() == TextEntry.Kind.USER) {
                break;
            }
        }
        turns.start(request);
    }

    private void newConversation() {
        close();
        session.newConversation();
        conversations.started();
        pane.clear();
        status.connection(new Connection.Ready(""));
        note("New conversation with " + session.model() + ".", false);
    }

    /** A saved conversation read to be shown (and continued) in place of the transcript. */
    private void showTranscript(List<Entry> entries, String model) {
        pane.clear();
        for (Entry entry : entries) {
            pane.add(entry);
        }
        status.model(model);
        status.connection(new Connection.Ready(""));
        pane.end();
    }

    private void switchModel(String model) {
        session.switchModel(model);
        status.model(session.model());
        note("Model: " + session.model() + " from the next request on.", false);
        models.checkListed(session.model());
    }

    /** {@code /role NAME}: the role's prompt (and model, temperature) from the next request on. */
    private void useRole(String name) {
        AssistantRole role = roles.get(name);
        if (role == null) {
            note("No role " + TerminalSanitizer.clean(name) + "; known: " + String.join(", ", roles.keySet()) + ".", true);
            return;
        }
        String before = session.model();
        session.useRole(role);
        status.model(session.model());
        note("Role " + role.name() + " from the next request on"
                + (session.model().equals(before) ? "." : ", with " + session.model() + "."), false);
        if (!session.model().equals(before)) {
            models.checkListed(session.model());
        }
    }

    /** {@code /role} alone: what there is to pick. */
    private void listRoles() {
        note("Roles: " + String.join(", ", roles.keySet()) + ". /role NAME picks one; /system TEXT sets a prompt of your own.", false);
    }

    private void openPicker() {
        models.open();
    }

    private void copyLastAnswer() {
        String text = lastAnswerText();
        if (text == null || text.isEmpty()) {
            note("No answer to copy yet.", true);
            return;
        }
        copy(text, "the last answer");
    }

    /** {@code /copy N}: the Nth code block of the last answer (from 1, in the order shown). */
    private void copyCodeBlock(int n) {
        String text = lastAnswerText();
        if (text == null || text.isEmpty()) {
            note("No answer to copy yet.", true);
            return;
        }
        List<String> blocks = CodeBlocks.of(text);
        if (n < 1 || n > blocks.size()) {
            note(switch (blocks.size()) {
                case 0 -> "The last answer has no code block; /copy alone copies all of it.";
                case 1 -> "The last answer has one code block: /copy 1.";
                default -> "The last answer has " + blocks.size() + " code blocks: /copy 1 to /copy " + blocks.size() + ".";
            }, true);
            return;
        }
        copy(blocks.get(n - 1), "code block " + n);
    }

    private void copy(String text, String what) {
        // On this thread: OSC 52 goes to the terminal and must not land in the middle of a frame.
        try {
            String how = clipboard.copy(text);
            note("Copied " + what + " (" + text.length() + " characters) via " + how + ".", false);
        } catch (IOException | RuntimeException e) {
            note("Could not copy: " + e.getMessage(), true);
        }
    }

    /** Ctrl+L: the next frame clears the terminal and draws every cell again. */
    private void repaint() {
        repaintAll = true;
    }

    private void toggleReasoning() {
        for (int i = pane.entries().size() - 1; i >= 0; i--) {
            if (pane.entries().get(i) instanceof AnswerEntry a && a.hasReasoning()) {
                a.toggleReasoning();
                pane.changed(a);
                return;
            }
        }
    }

    private void note(String text, boolean problem) {
        pane.addNote(new TextEntry(problem ? TextEntry.Kind.WARNING : TextEntry.Kind.NOTICE, text));
        dirty = true;
    }

    private void openHelp() {
        help = new HelpDialog(Commands.HELP);
    }

    private void closeHelp() {
        help = null;
    }

    // ---- turns ---------------------------------------------------------------------------

    private void handle(UiEvent e) {
        if (e instanceof UiEvent.FromTurn t) {
            turns.handle(t);
        } else if (e instanceof UiEvent.Note n) {
            note(n.text(), n.problem());
        } else if (!models.handle(e)) {
            conversations.handle(e);
        }
    }

    /** Handles the events a cancelled turn has left in the queue, so its end is recorded. */
    private void drainTurnEvents() {
        List<UiEvent> rest = new ArrayList<>();
        events.drainTo(rest);
        for (UiEvent e : rest) {
            if (e instanceof UiEvent.FromTurn) {
                handle(e);
            } else {
                events.add(e);
            }
        }
    }

    private String lastAnswerText() {
        for (int i = pane.entries().size() - 1; i >= 0; i--) {
            if (pane.entries().get(i) instanceof AnswerEntry a) {
                return a.text();
            }
        }
        return null;
    }

    // ---- drawing -------------------------------------------------------------------------

    private void draw(long now) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        int cols = size.getColumns();
        int rows = size.getRows();
        canvas.measure(cols, rows);
        if (cols < MIN_COLUMNS || rows < MIN_ROWS) {
            screen.clear();
            canvas.put(0, 0, cols, "Terminal too small", Styles.WARN);
            canvas.put(0, Math.min(1, rows - 1), cols, "need " + MIN_COLUMNS + "×" + MIN_ROWS, Styles.DIM);
            screen.setCursorPosition(null);
        } else {
            inputWidth = DraftView.width(cols);
            int inputRows = draft.measure(cols, rows);
            String attachedLine = files.line(cols - 3);
            int attachedRows = attachedLine.isEmpty() ? 0 : 1;
            int paneRows = rows - inputRows - 2 - attachedRows;
            pane.draw(canvas, 0, paneRows, cols, styles);
            canvas.clear(paneRows, 0, cols, Styles.RULE);
            canvas.put(0, paneRows, cols, "─".repeat(cols), Styles.RULE);
            // The marks sit on the rule, never over the text they are about.
            int titleEnd = cols - 2;
            if (pane.moreBelow()) {
                titleEnd = Math.max(2, cols - MORE_BELOW.length() - 2);
                canvas.put(titleEnd + 1, paneRows, cols - 1, MORE_BELOW, Styles.STATUS_BUSY);
            }
            if (conversations.title() != null) {
                canvas.put(2, paneRows, titleEnd, " " + TerminalSanitizer.clean(conversations.title()) + " ", Styles.TITLE);
            }
            if (attachedRows > 0) {
                canvas.clear(paneRows + 1, 0, cols, Styles.PLAIN);
                canvas.put(3, paneRows + 1, cols, attachedLine, Styles.NOTICE);
            }
            TerminalPosition caret = draft.draw(canvas, paneRows + 1 + attachedRows, cols);
            status.draw(canvas, rows - 1, cols, now);
            if (help != null) {
                help.draw(canvas, cols, rows);
                screen.setCursorPosition(null);
            } else if (models.picker != null) {
                models.picker.draw(canvas, cols, rows);
                screen.setCursorPosition(null);
            } else if (conversations.list != null) {
                conversations.list.draw(canvas, cols, rows);
                screen.setCursorPosition(null);
            } else {
                screen.setCursorPosition(caret);
            }
        }
        screen.refresh(repaintAll ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        repaintAll = false;
        dirty = false;
        lastFrame = now;
    }

    // ---- what the keys, commands and history see of the screen ---------------------------

    /**
     * The screen as its parts act on it. A class of its own because an interface's methods are
     * public: the screen's own surface stays what the program outside this package needs.
     */
    private final class Controls implements KeyTarget, CommandTarget, HistoryTarget {
        @Override
        public void note(String text, boolean problem) {
            ChatScreen.this.note(text, problem);
        }

        @Override
        public void send(String text) {
            ChatScreen.this.send(text);
        }

        @Override
        public boolean turnRunning() {
            return ChatScreen.this.turnRunning();
        }

        @Override
        public void cancelTurn() {
            ChatScreen.this.cancelTurn();
        }

        @Override
        public void quit() {
            ChatScreen.this.quit();
        }

        @Override
        public void newConversation() {
            ChatScreen.this.newConversation();
        }

        @Override
        public void openHistory() {
            conversations.openList();
        }

        @Override
        public void renameConversation(String title) {
            conversations.rename(title);
        }

        @Override
        public void retry() {
            ChatScreen.this.retry();
        }

        @Override
        public void addToDraft(String text) {
            input.insert(text);
        }

        @Override
        public void editDraft() {
            ChatScreen.this.editDraft();
        }

        @Override
        public int inputWidth() {
            return ChatScreen.this.inputWidth();
        }

        @Override
        public void copyLastAnswer() {
            ChatScreen.this.copyLastAnswer();
        }

        @Override
        public void copyCodeBlock(int n) {
            ChatScreen.this.copyCodeBlock(n);
        }

        @Override
        public void openHelp() {
            ChatScreen.this.openHelp();
        }

        @Override
        public void attach(String argument) {
            files.command(argument);
        }

        @Override
        public boolean hasAttachments() {
            return !files.isEmpty();
        }

        @Override
        public HelpDialog help() {
            return help;
        }

        @Override
        public void closeHelp() {
            ChatScreen.this.closeHelp();
        }

        @Override
        public void openPicker() {
            ChatScreen.this.openPicker();
        }

        @Override
        public void switchModel(String model) {
            ChatScreen.this.switchModel(model);
        }

        @Override
        public void listRoles() {
            ChatScreen.this.listRoles();
        }

        @Override
        public void useRole(String name) {
            ChatScreen.this.useRole(name);
        }

        @Override
        public void setSystemPrompt(String text) {
            session.setSystemPrompt(text);
        }

        @Override
        public void toggleReasoning() {
            ChatScreen.this.toggleReasoning();
        }

        @Override
        public void repaint() {
            ChatScreen.this.repaint();
        }

        @Override
        public void showTranscript(List<Entry> entries, String model) {
            ChatScreen.this.showTranscript(entries, model);
        }
    }
}
