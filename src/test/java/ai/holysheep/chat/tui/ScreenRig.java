package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.fail;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.ConfigLoader;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The chat screen on a headless terminal, driven step by step like a person at the keyboard.
 * Either against the simulated gateway, or "scripted": requests reach a gateway that never
 * answers, and the test plays the turn's events by hand through {@link #feed}.
 */
final class ScreenRig implements AutoCloseable {
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final SimGateway gateway;
    final ManualClock clock = new ManualClock();
    final ChatSession session;
    /** Where the editor of {@code /edit} and Ctrl+X Ctrl+E is found: set EDITOR or VISUAL in it. */
    final Map<String, String> editorEnv = new java.util.HashMap<>();
    final ChatScreen ui;
    final List<String> copied = new ArrayList<>();
    private final boolean scripted;
    private Consumer<StreamEvent> sink;

    static ScreenRig simulated(int cols, int rows, SimOptions options) throws Exception {
        return new ScreenRig(cols, rows, SimGateway.start(options), false, null);
    }

    /** Against the simulated gateway, saving to (and continuing from) the history database {@code db}. */
    static ScreenRig saving(int cols, int rows, SimOptions options, Path db) throws Exception {
        return new ScreenRig(cols, rows, SimGateway.start(options), false, db);
    }

    static ScreenRig scripted(int cols, int rows) throws Exception {
        return scripted(new DefaultVirtualTerminal(new TerminalSize(cols, rows)));
    }

    /** Scripted, on a terminal of the test's own making (one that draws some characters differently). */
    static ScreenRig scripted(DefaultVirtualTerminal terminal) throws Exception {
        return new ScreenRig(terminal, SimGateway.start(SimOptions.defaults().withFaults("stall:bytes=0")), true, null);
    }

    private ScreenRig(int cols, int rows, SimGateway gateway, boolean scripted, Path db) throws Exception {
        this(new DefaultVirtualTerminal(new TerminalSize(cols, rows)), gateway, scripted, db);
    }

    private ScreenRig(DefaultVirtualTerminal terminal, SimGateway gateway, boolean scripted, Path db) throws Exception {
        this.gateway = gateway;
        this.scripted = scripted;
        this.terminal = terminal;
        screen = new WidthSafeScreen(terminal);
        screen.startScreen();
        Settings settings = new ConfigLoader(Map.of("HOLYSHEEP_BASE_URL", gateway.baseUrl(),
                "HOLYSHEEP_CONFIG", "/nonexistent/holysheep.toml")).load(ai.holysheep.chat.config.Overrides.NONE);
        session = db == null ? ChatSession.unsaved(settings)
                : ChatSession.saved(settings, ConversationStore.openAsync(db, clock), warning -> fail("saving failed: " + warning));
        GatewayClient client = new GatewayClient(GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofSeconds(30)).build(),
                gateway.baseUrl(), null);
        GatewayBackend real = new GatewayBackend(client, settings.retry(), true);
        Backend backend = new Backend() {
            @Override
            public Turn turn(ChatRequest request, Consumer<StreamEvent> s) {
                sink = s;
                return real.turn(request, s);
            }

            @Override
            public List<String> models() throws Exception {
                return real.models();
            }

            @Override
            public boolean simulated() {
                return true;
            }
        };
        ui = new ChatScreen(screen, session, backend, settings, clock, Duration.ZERO, Runnable::run, text -> {
            copied.add(text);
            return "test clipboard";
        }, draft -> ExternalEditor.from(editorEnv).edit(draft));
        step();
    }

    /** Plays one event of the running turn as if it came off the network. */
    void feed(StreamEvent event) {
        if (!scripted || sink == null) {
            fail("feed needs a scripted rig with a turn started");
        }
        sink.accept(event);
    }

    void type(String text) {
        for (char c : text.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
    }

    void press(KeyType type) {
        terminal.addInput(new KeyStroke(type));
    }

    void press(KeyStroke key) {
        terminal.addInput(key);
    }

    void ctrl(char c) {
        terminal.addInput(new KeyStroke(c, true, false));
    }

    /** Types {@code text} and presses Enter, then draws. */
    void send(String text) throws Exception {
        type(text);
        press(KeyType.Enter);
        step();
    }

    void step() throws Exception {
        ui.step(Duration.ZERO);
    }

    /** Steps until the screen satisfies {@code condition}, failing after a generous deadline. */
    void until(String what, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            ui.step(Duration.ofMillis(20));
            String text = text();
            if (condition.test(text)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; screen:\n" + text);
            }
        }
    }

    void untilShows(String fragment) throws Exception {
        until("\"" + fragment + "\"", t -> t.contains(fragment));
    }

    /** The screen's rows as text; a wide character's second cell is not repeated. */
    List<String> rows() {
        return rows(terminal);
    }

    /** {@link #rows()} of any virtual terminal (a room's screen). */
    static List<String> rows(DefaultVirtualTerminal terminal) {
        TerminalSize size = terminal.getTerminalSize();
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter ch = terminal.getCharacter(c, r);
                sb.append(ch.getCharacterString());
                if (ch.isDoubleWidth()) {
                    c++;
                }
            }
            rows.add(sb.toString().stripTrailing());
        }
        return rows;
    }

    String text() {
        return String.join("\n", rows());
    }

    String statusLine() {
        List<String> rows = rows();
        return rows.get(rows.size() - 1);
    }

    @Override
    public void close() throws Exception {
        ui.close();
        screen.stopScreen();
        session.close();
        gateway.close();
    }
}
