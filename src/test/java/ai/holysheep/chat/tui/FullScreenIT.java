package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program in a real terminal, as a person uses it: tmux runs it against the built-in
 * simulated gateway, keys are typed with send-keys and the screen is read with capture-pane.
 * Skipped when tmux or the jar is missing, and failed for it under CI ({@link Needs}).
 */
class FullScreenIT {
    private static final Path JAR = Path.of("target", "holysheep-chat.jar").toAbsolutePath();

    @TempDir
    Path home;

    @BeforeEach
    void needsTmuxAndTheJar() {
        Needs.that(Files.isRegularFile(JAR), "the packaged jar " + JAR + " (mvn package)");
        Needs.that(Tmux.available(), "tmux");
    }

    @Test
    void askInKoreanSwitchModelAndQuitLeavesTheTerminalAsItWas() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "env -i HOME=" + home + " PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 "
                + java + " -jar " + JAR + "; echo \"exited with $?\"; sleep 60";
        try (Tmux chat = new Tmux(100, 30, command)) {
            chat.await("the chat to open", s -> s.contains("SIMULATED GATEWAY") && s.contains("ready"));

            chat.type("한국어로 소개해 주세요");
            chat.press("Enter");
            chat.await("the Korean answer", s -> s.contains("한국어 안내"));

            chat.press("F2");
            chat.await("the model list", s -> s.contains("Switch model") && s.contains("deepseek-v3.2"));
            chat.type("deep");
            chat.press("Enter");
            chat.await("the new model in the status bar", s -> Tmux.lastLine(s).contains("deepseek-v3.2"));
            String done = chat.await("the answer to finish", s -> Tmux.lastLine(s).contains("ready · done"));
            assertTrue(done.contains("You wrote: \"한국어로 소개해 주세요\""), "the Korean prompt reached the gateway intact:\n" + done);

            chat.type("/quit");
            chat.press("Enter");
            String after = chat.await("the program to exit", s -> s.contains("exited with 0"));
            assertFalse(after.contains("SIMULATED GATEWAY"), "the alternate screen was left:\n" + after);
        }
    }
}
