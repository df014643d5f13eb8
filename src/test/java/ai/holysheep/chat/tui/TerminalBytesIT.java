package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.Needs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the packaged program writes to a real terminal, byte for byte, as tmux's pipe-pane records it.
 * Skipped when tmux or the jar is missing, and failed for it under CI ({@link Needs}).
 */
class TerminalBytesIT {
    private static final Path JAR = Path.of("target", "holysheep-chat.jar").toAbsolutePath();

    @TempDir
    Path home;

    @BeforeEach
    void needsTmuxAndTheJar() {
        Needs.that(Files.isRegularFile(JAR), "the packaged jar " + JAR + " (mvn package)");
        Needs.that(Tmux.available(), "tmux");
    }

    @Test
    void twoByteCharactersReachTheTerminalAsTheirOwnUtf8BytesAndNothingElse() throws Exception {
        Path bytes = home.resolve("pane.bytes");
        try (Tmux chat = new Tmux(100, 30, command())) {
            chat.recordBytes(bytes);
            chat.await("the chat to open", s -> s.contains("SIMULATED GATEWAY") && s.contains("ready"));
            chat.type("é·Ω");
            chat.await("the draft", s -> s.contains("é·Ω"));
            chat.press("C-c");
            chat.press("C-c");
            chat.await("the program to exit", s -> s.contains("exited with"));
        }
        byte[] written = Files.readAllBytes(bytes);
        String hex = HexFormat.of().formatHex(written);
        assertFalse(new String(written, StandardCharsets.ISO_8859_1).contains("\0"), "a NUL byte reached the terminal");
        assertTrue(hex.contains(HexFormat.of().formatHex("é·Ω".getBytes(StandardCharsets.UTF_8))),
                "the draft was written as its UTF-8 bytes: " + hex);
    }

    private String command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The pause lets pipe-pane start before the program writes its first byte.
        return "sleep 1; env -i HOME=" + home + " PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 "
                + java + " -jar " + JAR + "; echo \"exited with $?\"; sleep 60";
    }
}
