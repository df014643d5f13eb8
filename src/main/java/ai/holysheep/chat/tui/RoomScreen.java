package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.TerminalSanitizer;
import ai.holysheep.chat.rooms.Message;
import ai.holysheep.chat.rooms.RoomConnection;
import ai.holysheep.chat.rooms.RoomFrame;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * The full-screen chat in a room (docs/rooms.md): the room's messages with their authors, the
 * model's answers growing as they stream, who is here, and the link to the relay. As in the chat,
 * one thread owns the screen: the connection's frames and changes of state are queued by its
 * thread and handled here, between keys, and a frame is drawn at most once per interval.
 *
 * <p>The relay's sequence number is the only order: a message sent again (the replay after a
 * reconnect) takes the place of the one held under its number. What the user types is shown at
 * once, marked waiting, and gives way to the relay's echo of it.
 *
 * <p>F2 picks the model {@code @ai} asks from the relay's list, as the chat's F2 picks its model;
 * the choice goes with every message said from then on, resends included.
 */
public final class RoomScreen {

    private final Screen screen;
    private final Clock clock;
    private final Duration frameInterval;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final RoomConnection connection;
    private final String room;

    private final Canvas canvas;
    private final Styles styles = new Styles();
    final MessagePane pane = new MessagePane();
    final InputBox input = new InputBox();
    private final InputEditing editing = new InputEditing(input);
    private final DraftView draft = new DraftView(input);
    private final RoomStatus status;
    private final ModelSwitcher models;
    /** The model picked for {@code @ai}; null for the relay's default. */
    private String model;

    /** What the room holds, by the relay's number. */
    private final Map<Long, Entry> bySeq = new HashMap<>();
    /** Typed here and not yet echoed, by the id they were said under. */
    private final Map<String, MemberEntry> waiting = new LinkedHashMap<>();
    /** The user's name in the room: learnt from the first echo of a message typed here. */
    private String me;
    private List<String> present = List.of();
    private boolean greeted;

    private boolean quit;
    private boolean dirty = true;
    private boolean repaintAll = true;
    private long lastFrame = Long.MIN_VALUE / 2;
    private String lastStatus = "";

    /**
     * @param connect opens the room for the screen, with the listener that queues its frames;
     *                the screen starts it ({@link #run}) and closes it ({@link #close})
     * @param relayModels the relay's models for F2's list; called on {@code background}, never
     *                    on the screen's thread
     */
    public RoomScreen(Screen screen, String room, Clock clock, Duration frameInterval,
                      Function<RoomConnection.Listener, RoomConnection> connect, Callable<List<String>> relayModels,
                      Executor background) {
        this.screen = screen;
        this.room = room;
        this.clock = clock;
        this.frameInterval = frameInterval;
        this.canvas = new Canvas(screen);
        this.status = new RoomStatus(room);
        this.models = new ModelSwitcher(() -> model, new ModelCatalog("relay", relayModels, List.of(), Map.of()),
                background, events::add, text -> note(text, true));
        this.connection = connect.apply(new RoomConnection.Listener() {
            @Override
            public void frame(RoomFrame frame) {
                events.add(frame);
            }

            @Override
            public void state(RoomConnection.State state) {
                events.add(state);
            }
        });
    }

    /** Runs until the user leaves; the caller restores the terminal. */
    public void run() throws IOException, InterruptedException {
        boolean going = step(Duration.ZERO);
        start();
        while (going && step(Duration.ofMillis(8))) {
            // Each step waits for work by itself.
        }
    }

    /** Opens the room's link; {@link #run} does this after the first frame. */
    void start() {
        connection.start();
    }

    /**
     * One turn of the loop: keys, then queued frames, then a frame drawn if one is due. Returns
     * false once the user left.
     */
    public boolean step(Duration wait) throws IOException, InterruptedException {
        if (StepInput.keys(screen, () -> quit, this::key)) {
            dirty = true;
        }
        if (StepInput.events(events, wait, this::handle)) {
            dirty = true;
        }
        if (quit) {
            return false;
        }
        if (screen.doResizeIfNecessary() != null) {
            repaintAll = true;
            dirty = true;
        }
        long now = clock.millis();
        String statusText = status.text(now, connection.waiting());
        if (!statusText.equals(lastStatus)) {
            dirty = true;
        }
        if (dirty && now - lastFrame >= frameInterval.toMillis()) {
            draw(now);
            lastStatus = statusText;
        }
        return true;
    }

    /** Leaves the room: the link is closed; messages still waiting are not sent. */
    public void close() {
        connection.close();
    }

    // ---- keys ----------------------------------------------------------------------------

    private void key(KeyStroke key) {
        if (editing.marker(key)) {
            return;
        }
        if (models.picker != null) {
            models.key(key, this::pickModel);
            return;
        }
        if (editing.pasting()) {
            editing.paste(key);
            return;
        }
        KeyType type = key.getKeyType();
        if (type == KeyType.Character && key.isCtrlDown() && !key.isAltDown()) {
            switch (Character.toLowerCase(key.getCharacter())) {
                case 'l' -> {
                    repaintAll = true;
                    return;
                }
                case 'c' -> {
                    // As in the chat: a draft is cleared first (Ctrl+Z brings it back), then Ctrl+C leaves.
                    if (input.isEmpty()) {
                        quit = true;
                    } else {
                        input.discard();
                    }
                    return;
                }
                case 'd' -> {
                    if (input.isEmpty()) {
                        quit = true;
                        return;
                    }
                }
                default -> {
                }
            }
        }
        if (editing.edit(key, DraftView.width(screen.getTerminalSize().getColumns()))) {
            return;
        }
        switch (type) {
            case Enter -> submit();
            case Escape, EOF -> quit = true;
            case Home -> {
                if (input.isEmpty() || key.isCtrlDown()) {
                    pane.home();
                } else {
                    input.lineStart();
                }
            }
            case End -> {
                if (input.isEmpty() || key.isCtrlDown()) {
                    pane.end();
                } else {
                    input.lineEnd();
                }
            }
            case PageUp -> pane.pageUp();
            case PageDown -> pane.pageDown();
            case F2 -> models.open();
            default -> {
            }
        }
    }

    private void submit() {
        if (input.text().isBlank()) {
            return;
        }
        String text = input.submit();
        // Said even while offline: the connection keeps it and sends it on reconnecting.
        String id = connection.say(text, model);
        MemberEntry shown = MemberEntry.waiting(me, text);
        waiting.put(id, shown);
        pane.add(shown);
        // Sending is a wish to see what follows.
        pane.end();
    }

    /** From now on {@code @ai} asks {@code chosen} ({@code join --model}); the status bar says so. */
    void useModel(String chosen) {
        model = chosen;
        status.model(chosen);
    }

    private void pickModel(String picked) {
        useModel(picked);
        note("@ai asks " + TerminalSanitizer.clean(picked) + " from the next message on.", false);
    }

    // ---- what the relay sends ------------------------------------------------------------

    private void handle(Object e) {
        long now = clock.millis();
        if (e instanceof RoomConnection.State s) {
            status.link(s, now);
            if (!(s instanceof RoomConnection.State.Connected)) {
                // Off the relay, who is here is not known: the last list would be a guess.
                present = List.of();
            }
            if (s instanceof RoomConnection.State.Closed c) {
                waiting.values().forEach(MemberEntry::lost);
                note(TerminalSanitizer.clean(c.message()), true);
            }
        } else if (e instanceof RoomFrame.Posted p) {
            posted(p.message());
        } else if (e instanceof RoomFrame.Delta d) {
            if (bySeq.get(d.seq()) instanceof AnswerEntry a && a.outcome() == AnswerEntry.Outcome.STREAMING) {
                a.append(d.text());
            }
            status.answerMoved(d.seq());
        } else if (e instanceof RoomFrame.End end) {
            if (bySeq.get(end.seq()) instanceof AnswerEntry a && a.outcome() == AnswerEntry.Outcome.STREAMING) {
                a.end(outcome(end.status()), end.error());
            }
            status.answerMoved(end.seq());
        } else if (e instanceof RoomFrame.Retry r) {
            status.retry(r, now);
        } else if (e instanceof RoomFrame.Presence p) {
            present = p.members();
        } else if (e instanceof RoomFrame.Refused r) {
            MemberEntry shown = r.id() == null ? null : waiting.remove(r.id());
            if (shown != null) {
                pane.remove(pane.entries().lastIndexOf(shown));
            }
            note("Not posted: " + TerminalSanitizer.clean(r.message()), true);
        } else if (e instanceof RoomFrame.Live) {
            greet();
        } else if (e instanceof UiEvent u) {
            models.handle(u);
        }
    }

    private void posted(Message m) {
        MemberEntry typed = m.id() == null ? null : waiting.remove(m.id());
        if (typed != null && me == null) {
            learnMe(m.author());
        }
        Entry entry = m.fromModel() ? answer(m) : new MemberEntry(m.author(), m.text(), m.author().equals(me));
        Entry held = bySeq.put(m.seq(), entry);
        if (held != null) {
            pane.replace(held, entry);
            if (typed != null) {
                pane.remove(pane.entries().lastIndexOf(typed));
            }
        } else if (typed != null) {
            pane.replace(typed, entry);
        } else {
            pane.add(entry);
        }
    }

    /** The user's own name is now known: their earlier messages (the history) are set apart too. */
    private void learnMe(String author) {
        me = author;
        for (Entry e : pane.entries()) {
            if (e instanceof MemberEntry m && TerminalSanitizer.clean(author).equals(m.author())) {
                m.markMine();
            }
        }
    }

    private static AnswerEntry answer(Message m) {
        if (!m.isFinal()) {
            AnswerEntry growing = new AnswerEntry(m.author());
            growing.append(m.text());
            return growing;
        }
        return AnswerEntry.saved(m.author(), null, m.text(), outcome(m.status()), null);
    }

    private static AnswerEntry.Outcome outcome(String status) {
        return switch (status) {
            case Message.CANCELLED -> AnswerEntry.Outcome.CANCELLED;
            case Message.FAILED -> AnswerEntry.Outcome.FAILED;
            case Message.STREAMING -> AnswerEntry.Outcome.STREAMING;
            default -> AnswerEntry.Outcome.DONE;
        };
    }

    private void greet() {
        if (greeted) {
            return;
        }
        greeted = true;
        note("Room " + room + ". Enter sends · @ai asks the model · F2 picks which · PgUp/PgDn scroll · Esc, Ctrl+D or Ctrl+C leaves", false);
    }

    private void note(String text, boolean problem) {
        pane.addNote(new TextEntry(problem ? TextEntry.Kind.WARNING : TextEntry.Kind.NOTICE, text));
    }

    // ---- drawing -------------------------------------------------------------------------

    private void draw(long now) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        int cols = size.getColumns();
        int rows = size.getRows();
        canvas.measure(cols, rows);
        if (cols < ChatScreen.MIN_COLUMNS || rows < ChatScreen.MIN_ROWS) {
            screen.clear();
            canvas.put(0, 0, cols, "Terminal too small", Styles.WARN);
            canvas.put(0, Math.min(1, rows - 1), cols, "need " + ChatScreen.MIN_COLUMNS + "×" + ChatScreen.MIN_ROWS, Styles.DIM);
            screen.setCursorPosition(null);
        } else {
            int inputRows = draft.measure(cols, rows);
            int paneRows = rows - inputRows - 2;
            pane.draw(canvas, 0, paneRows, cols, styles);
            canvas.clear(paneRows, 0, cols, Styles.RULE);
            canvas.put(0, paneRows, cols, "─".repeat(cols), Styles.RULE);
            int hereEnd = cols - 2;
            if (pane.moreBelow()) {
                hereEnd = Math.max(2, cols - ChatScreen.MORE_BELOW.length() - 2);
                canvas.put(hereEnd + 1, paneRows, cols - 1, ChatScreen.MORE_BELOW, Styles.STATUS_BUSY);
            }
            if (!present.isEmpty()) {
                canvas.put(2, paneRows, hereEnd, " here: " + TerminalSanitizer.clean(String.join(", ", present)) + " ",
                        Styles.TITLE);
            }
            TerminalPosition caret = draft.draw(canvas, paneRows + 1, cols);
            status.draw(canvas, rows - 1, cols, now, connection.waiting());
            if (models.picker != null) {
                models.picker.draw(canvas, cols, rows);
                caret = null;
            }
            screen.setCursorPosition(caret);
        }
        screen.refresh(repaintAll ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        repaintAll = false;
        dirty = false;
        lastFrame = now;
    }
}
