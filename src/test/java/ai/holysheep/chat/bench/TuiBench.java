package ai.holysheep.chat.bench;

import ai.holysheep.chat.cli.Gateways;
import ai.holysheep.chat.config.ConfigLoader;
import ai.holysheep.chat.config.Overrides;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.ConversationExport;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.MessageStatus;
import ai.holysheep.chat.store.Role;
import ai.holysheep.chat.store.StoredMessage;
import ai.holysheep.chat.tui.ChatScreen;
import ai.holysheep.chat.tui.ExternalEditor;
import ai.holysheep.chat.tui.GatewayBackend;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The full-screen chat on a lanterna virtual terminal (120×40), driven exactly as the real one is
 * ({@link ChatScreen#step} in a loop, 16 ms frame interval), while the simulated gateway streams
 * an answer at a fixed pace and a second thread types a key every 50 ms. Run as its own JVM by
 * {@link Bench} (so its peak RSS is its own): {@code TuiBench MESSAGES TOKENS_PER_SECOND TOKENS}.
 * Prints one line of {@code name=value} figures.
 */
public final class TuiBench {
    private static final Duration FRAME = Duration.ofMillis(16);

    /**
     * A Screen that notes when each key is read and how long each frame takes: from the size
     * check that {@link ChatScreen#step} makes just before drawing, to the frame reaching the
     * terminal (so time spent waiting for or handling stream events is not counted as drawing).
     */
    private static final class TimedScreen extends TerminalScreen {
        final ConcurrentLinkedQueue<Long> keysRead = new ConcurrentLinkedQueue<>();
        final List<Double> frameMs = new ArrayList<>();
        long refreshes;
        long lastRefreshEnd;
        private long drawStart;

        TimedScreen(DefaultVirtualTerminal terminal) throws IOException {
            super(terminal);
        }

        @Override
        public KeyStroke pollInput() throws IOException {
            KeyStroke key = super.pollInput();
            if (key != null && key.getKeyType() == KeyType.Character) {
                keysRead.add(System.nanoTime());
            }
            return key;
        }

        @Override
        public synchronized TerminalSize doResizeIfNecessary() {
            drawStart = System.nanoTime();
            return super.doResizeIfNecessary();
        }

        @Override
        public synchronized void refresh(RefreshType refreshType) throws IOException {
            super.refresh(refreshType);
            refreshes++;
            lastRefreshEnd = System.nanoTime();
            frameMs.add((lastRefreshEnd - drawStart) / 1e6);
        }
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(args[0]);
        double tokensPerSecond = Double.parseDouble(args[1]);
        int tokens = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("holysheep-tui-bench");
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chat-background");
            t.setDaemon(true);
            return t;
        });
        try (SimGateway gateway = SimGateway.start(SimOptions.defaults().withTokensPerSecond(tokensPerSecond).withAnswerTokens(tokens))) {
            Settings settings = new ConfigLoader(Map.of("HOLYSHEEP_BASE_URL", gateway.baseUrl(), "HOLYSHEEP_API_KEY", "bench",
                    "HOLYSHEEP_CONFIG", dir.resolve("none.toml").toString())).load(Overrides.NONE);
            ConversationStore store = ConversationStore.open(dir.resolve("history.db"));
            ChatSession session = ChatSession.saved(settings, CompletableFuture.completedFuture(store), w -> { });
            if (messages > 0) {
                session.load(store.importConversation(history(messages, settings.model())).id());
            }
            DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
            TimedScreen screen = new TimedScreen(terminal);
            screen.startScreen();
            ChatScreen ui = new ChatScreen(screen, session, new GatewayBackend(Gateways.client(settings), settings.retry(), true), settings,
                    Clock.systemUTC(), FRAME, background, text -> "bench",
                    draft -> new ExternalEditor.Outcome.NothingToSend("the bench has no editor"));
            System.out.println(measure(ui, session, screen, terminal, tokens / tokensPerSecond));
            ui.close();
            session.close();
        } finally {
            background.shutdownNow();
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        System.exit(0);
    }

    private static void ask(ChatScreen ui, DefaultVirtualTerminal terminal, String question) throws Exception {
        for (char c : question.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
        terminal.addInput(new KeyStroke(KeyType.Enter));
        ui.step(Duration.ZERO);
    }

    /** Alternating questions and answers a few lines long, as a long real conversation has. */
    private static ConversationExport history(int count, String model) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<StoredMessage> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean user = i % 2 == 0;
            String text = user ? "질문 " + i + ": how does the stream resume after a drop?"
                    : "Answer " + i + ": it asks again with what arrived so far, and keeps only the new text.\n"
                    + "- a list item with `code`\n- 한국어 줄도 있습니다, wide characters included.";
            list.add(new StoredMessage(0, 0, i + 1, user ? Role.USER : Role.ASSISTANT, text, null, model,
                    MessageStatus.COMPLETE, user ? null : "stop", null, null, null, t, t));
        }
        return new ConversationExport(ConversationExport.FORMAT_VERSION,
                new Conversation(0, "benchmark history", t, t, null, model, count), list);
    }

    private static String measure(ChatScreen ui, ChatSession session, TimedScreen screen, DefaultVirtualTerminal terminal,
                                  double streamSeconds)
            throws Exception {
        // One whole answer first, so that what is measured is the chat once the JIT has warmed up.
        ask(ui, terminal, "warm up");
        long warmDeadline = System.nanoTime() + (long) (streamSeconds * 1e9) + 30_000_000_000L;
        while ((session.turnInProgress()) && System.nanoTime() < warmDeadline) {
            ui.step(Duration.ofMillis(8));
        }
        ask(ui, terminal, "benchmark");
        screen.frameMs.clear();
        long keysTypedBefore = screen.keysRead.size();

        // A typist on another thread, as a person at the keyboard is: a key every 50 ms.
        List<Long> typed = java.util.Collections.synchronizedList(new ArrayList<>());
        long window = (long) (streamSeconds * 1e9 * 0.8);
        Thread typist = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < 200 && System.nanoTime() - start < window; i++) {
                typed.add(System.nanoTime());
                terminal.addInput(new KeyStroke((char) ('a' + i % 26), false, false));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "typist");

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long processCpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        long refreshesStart = screen.refreshes;
        List<Double> echoMs = new ArrayList<>();
        typist.start();
        long deadline = wallStart + (long) (streamSeconds * 1e9) + 30_000_000_000L;
        int echoed = 0;
        while (System.nanoTime() < deadline) {
            long before = screen.refreshes;
            ui.step(Duration.ofMillis(8));
            if (screen.refreshes != before) {
                // Every key read before this frame reached the terminal is now on screen.
                List<Long> read = new ArrayList<>(screen.keysRead);
                while (echoed < typed.size() && echoed + keysTypedBefore < read.size()) {
                    echoMs.add((screen.lastRefreshEnd - typed.get(echoed)) / 1e6);
                    echoed++;
                }
            }
            if (!typist.isAlive() && !session.turnInProgress() && echoed >= typed.size()) {
                break;
            }
        }
        typist.join(1000);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double uiCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double processCpu = (os.getProcessCpuTime() - processCpuStart) / 1e9;
        Samples frames = Samples.of(screen.frameMs);
        Samples echo = Samples.of(echoMs);
        return String.format(Locale.ROOT,
                "frames=%d wall_s=%.3f frame_p50_ms=%.2f frame_p99_ms=%.2f frame_max_ms=%.2f ui_cpu_pct=%.1f process_cpu_pct=%.1f "
                        + "echo_n=%d echo_p50_ms=%.1f echo_p99_ms=%.1f echo_max_ms=%.1f",
                screen.refreshes - refreshesStart, wall, frames.median(), frames.p99(), frames.max(),
                100 * uiCpu / wall, 100 * processCpu / wall, echo.count(), echo.median(), echo.p99(), echo.max());
    }
}
