package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program in a real terminal, as a person uses it: tmux runs it against the built-in
 * simulated gateway, keys are typed with send-keys and the screen is read with capture-pane.
 * Skipped when tmux or the jar is missing.
 */
class FullScreenIT {
    private static final Path JAR = Path.of("target", "holysheep-chat.jar").toAbsolutePath();
    private final String socket = "holysheep-it-" + ProcessHandle.current().pid();

    @TempDir
    Path home;

    @BeforeEach
    void needsTmuxAndTheJar() {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run mvn package first");
        assumeTrue(run(List.of("tmux", "-V")) != null, "tmux is not installed");
    }

    @AfterEach
    void closeTmux() {
        run(List.of("tmux", "-L", socket, "kill-server"));
    }

    @Test
    void askInKoreanSwitchModelAndQuitLeavesTheTerminalAsItWas() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "env -i HOME=" + home + " PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 "
                + java + " -jar " + JAR + "; echo \"exited with $?\"; sleep 60";
        tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "chat", command);

        await("the chat to open", s -> s.contains("SIMULATED GATEWAY") && s.contains("ready"));

        tmux("send-keys", "-t", "chat", "-l", "한국어로 소개해 주세요");
        tmux("send-keys", "-t", "chat", "Enter");
        await("the Korean answer", s -> s.contains("한국어 안내"));

        tmux("send-keys", "-t", "chat", "F2");
        await("the model list", s -> s.contains("Switch model") && s.contains("deepseek-v3.2"));
        tmux("send-keys", "-t", "chat", "-l", "deep");
        tmux("send-keys", "-t", "chat", "Enter");
        await("the new model in the status bar", s -> lastLine(s).contains("deepseek-v3.2"));
        String done = await("the answer to finish", s -> lastLine(s).contains("ready · done"));
        assertTrue(done.contains("You wrote: \"한국어로 소개해 주세요\""), "the Korean prompt reached the gateway intact:\n" + done);

        tmux("send-keys", "-t", "chat", "-l", "/quit");
        tmux("send-keys", "-t", "chat", "Enter");
        String after = await("the program to exit", s -> s.contains("exited with 0"));
        assertFalse(after.contains("SIMULATED GATEWAY"), "the alternate screen was left:\n" + after);
    }

    private String await(String what, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", "chat");
            if (condition.test(screen)) {
                return screen;
            }
            Thread.onSpinWait();
            Thread.sleep(100); // polling a real terminal: there is nothing to wait on but its screen
        }
        fail("timed out waiting for " + what + "; screen:\n" + screen);
        return screen;
    }

    private static String lastLine(String screen) {
        String[] lines = screen.stripTrailing().split("\n");
        return lines[lines.length - 1];
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
