package ai.holysheep.chat.cli;

import ai.holysheep.chat.render.TerminalSanitizer;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The process's surroundings, passed in so that commands run the same way in tests as for real.
 * Output is always UTF-8: the platform default under a C locale would turn Hangul into '?'.
 * Stdout is buffered: an unbuffered PrintStream makes one write system call per print, which
 * at thousands of tokens a second costs more than everything else; whoever writes to it flushes
 * when a batch is complete (one-shot: whenever no further event is waiting; {@code Main} at exit).
 */
public record Io(
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        boolean stdinIsTerminal,
        boolean stdoutIsTerminal,
        boolean stderrIsTerminal) {

    public static Io system() {
        return new Io(
                new FileInputStream(FileDescriptor.in),
                new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                        false, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                System.getenv(),
                Tty.isTerminal(Tty.STDIN),
                Tty.isTerminal(Tty.STDOUT),
                Tty.isTerminal(Tty.STDERR));
    }

    /**
     * Prints {@code holysheep-chat: message} on stderr. Messages often carry server text (error
     * bodies), so they are sanitised here, the one door every error goes through.
     */
    public void error(String message) {
        err.println("holysheep-chat: " + TerminalSanitizer.clean(message));
    }

    /** Prints {@code holysheep-chat: warning: message} on stderr. */
    public void warn(String message) {
        err.println("holysheep-chat: warning: " + message);
    }
}
