package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real terminal for tests: a tmux server of its own (so a developer's sessions are never
 * touched) with one window, keys typed with send-keys and the screen read with capture-pane.
 */
public final class Tmux implements AutoCloseable {
    private final String socket = "holysheep-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Whether tmux can be run here. */
    public static boolean available() {
        return run(List.of("tmux", "-V")) != null;
    }

    /** Starts {@code command} (a shell command line) in a window of the given size. */
    public Tmux(int columns, int rows, String command) {
        tmux("new-session", "-d", "-x", String.valueOf(columns), "-y", String.valueOf(rows), "-s", "it", command);
    }

    /** Types the text as it is, without interpreting key names. */
    public void type(String text) {
        tmux("send-keys", "-t", "it", "-l", text);
    }

    /** Presses keys by tmux's names: Enter, Tab, F2, C-u. */
    public void press(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "it"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Appends every byte the program writes to the window to {@code file} from now on. */
    public void recordBytes(java.nio.file.Path file) {
        tmux("pipe-pane", "-o", "-t", "it", "cat >> '" + file + "'");
    }

    public String screen() {
        return tmux("capture-pane", "-p", "-t", "it");
    }

    /** The screen once it satisfies the condition; fails after 40 s with the screen shown. */
    public String await(String what, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (condition.test(screen)) {
                return screen;
            }
            Thread.sleep(100); // polling a real terminal: there is nothing to wait on but its screen
        }
        fail("timed out waiting for " + what + "; screen:\n" + screen);
        return screen;
    }

    public static String lastLine(String screen) {
        String[] lines = screen.stripTrailing().split("\n");
        return lines[lines.length - 1];
    }

    @Override
    public void close() {
        run(List.of("tmux", "-L", socket, "kill-server"));
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        String out = run(command);
        if (out == null) {
            fail("tmux " + String.join(" ", args) + " failed");
        }
        return out;
    }

    /** Output of a command, or null when it cannot run or fails. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
