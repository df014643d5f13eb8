package ai.holysheep.chat.tui;

import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.rooms.RoomConnection;
import ai.holysheep.chat.session.ChatSession;
import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs the chat (or a room) on the process's terminal and gives the terminal back in the state it was found,
 * whatever way the chat ends: quit, an error, Ctrl+C, SIGTERM (shutdown hook) or an exception on
 * any thread (default handler).
 */
public final class FullScreen {
    /** About 60 frames a second at most; a fast stream is drawn at this pace, not per piece. */
    private static final Duration FRAME = Duration.ofMillis(16);

    private final ChatTerminal terminal;
    private final TerminalScreen screen;
    private final AtomicBoolean restored = new AtomicBoolean();

    private FullScreen() throws IOException {
        terminal = new ChatTerminal();
        screen = new WidthSafeScreen(terminal);
    }

    /** Shows the chat until the user quits. The caller has checked that stdin and stdout are terminals. */
    public static void run(ChatSession session, Backend backend, Settings settings, Map<String, String> env,
                           Warnings warnings)
            throws IOException, InterruptedException {
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chat-background");
            t.setDaemon(true);
            return t;
        });
        try {
            show(full -> {
                ChatScreen ui = new ChatScreen(full.screen, session, backend, settings, Clock.systemUTC(), FRAME,
                        background, new SystemClipboard(full.terminal, env),
                        draft -> full.suspendedFor(ExternalEditor.from(env), draft));
                try {
                    warnings.attach(ui);
                    ui.run();
                } finally {
                    ui.close();
                }
            });
        } finally {
            background.shutdownNow();
        }
    }

    /**
     * Shows room {@code room} until the user leaves; {@code connect} opens the room's link with
     * the screen's listener, and {@code relayModels} lists the relay's models for F2, in the
     * background; {@code model} is the one {@code @ai} asks until F2 picks another (null: the
     * relay's default). The caller has checked that stdin and stdout are terminals.
     */
    public static void join(String room, Function<RoomConnection.Listener, RoomConnection> connect,
                            Callable<List<String>> relayModels, String model) throws IOException, InterruptedException {
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "room-background");
            t.setDaemon(true);
            return t;
        });
        try {
            show(full -> {
                RoomScreen ui = new RoomScreen(full.screen, room, Clock.systemUTC(), FRAME, connect, relayModels,
                        background);
                if (model != null) {
                    ui.useModel(model);
                }
                try {
                    ui.run();
                } finally {
                    ui.close();
                }
            });
        } finally {
            background.shutdownNow();
        }
    }

    private interface Shown {
        void on(FullScreen full) throws IOException, InterruptedException;
    }

    /** Runs {@code body} on the full screen and gives the terminal back however it ends. */
    private static void show(Shown body) throws IOException, InterruptedException {
        FullScreen full = new FullScreen();
        Thread hook = new Thread(full::restore, "terminal-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            full.restore();
            System.err.println("holysheep-chat: unexpected error on " + thread.getName() + ": " + e);
            System.exit(1);
        });
        try {
            full.screen.startScreen();
            full.terminal.raw(BracketedPaste.ENABLE);
            body.on(full);
        } finally {
            full.restore();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // The hook is running or has run; the terminal is restored either way.
            }
        }
    }

    /**
     * Gives the terminal to the editor: the normal screen back, bracketed paste off (an editor
     * that does not expect the markers would take them for keys), then the chat's screen again.
     * The terminal stays in the chat's raw mode, which editors set for themselves anyway.
     */
    private ExternalEditor.Outcome suspendedFor(ExternalEditor editor, String draft)
            throws IOException, InterruptedException {
        terminal.raw(BracketedPaste.DISABLE);
        screen.stopScreen();
        try {
            return editor.edit(draft);
        } finally {
            screen.startScreen();
            terminal.raw(BracketedPaste.ENABLE);
        }
    }

    private void restore() {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        try {
            terminal.raw(BracketedPaste.DISABLE);
        } catch (IOException | RuntimeException ignored) {
            // Best effort: the terminal may already be gone.
        }
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            try {
                terminal.close();
            } catch (IOException | RuntimeException ignored) {
                // Nothing more can be done for a terminal that refuses to close.
            }
        }
    }
}
