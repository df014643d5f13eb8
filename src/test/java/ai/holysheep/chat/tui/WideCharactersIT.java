package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Characters tmux draws at another width than the chat counts (✔️ one cell, 👍🏽 four), edited in
 * the packaged program in a real tmux: nothing stale may stay beside them. Skipped when tmux or
 * the jar is missing.
 */
class WideCharactersIT {
    private static final Path JAR = Path.of("target", "holysheep-chat.jar").toAbsolutePath();

    @TempDir
    Path home;

    @BeforeEach
    void needsTmuxAndTheJar() {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run mvn package first");
        assumeTrue(Tmux.available(), "tmux is not installed");
    }

    @Test
    void deletingAroundMarksInTmuxLeavesNoStaleCells() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "env -i HOME=" + home + " PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 "
                + java + " -jar " + JAR + "; sleep 60";
        try (Tmux chat = new Tmux(80, 24, command)) {
            chat.await("the chat to open", s -> s.contains("SIMULATED GATEWAY") && s.contains("ready"));
            chat.type("a✔️b✔️c👍🏽d");
            chat.await("the draft", s -> s.contains("d\n"));
            chat.press("BSpace", "BSpace", "BSpace", "C-a", "Delete");
            String screen = chat.await("the edits", s -> !s.contains("a✔"));
            String[] rows = screen.stripTrailing().split("\n");
            assertEquals(" › ✔️ b✔️", rows[rows.length - 2].stripTrailing(), screen);
        }
    }
}
