package ai.holysheep.chat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal. Java has no isatty before JDK 22, and
 * {@code System.console()} is null when any one of stdin/stdout is redirected, which is
 * not the question we ask: a pipe into stdin with a terminal on stdout is the usual case.
 */
public final class Tty {
    public static final int STDIN = 0;
    public static final int STDOUT = 1;
    public static final int STDERR = 2;

    private Tty() {
    }

    public static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.exists(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
                        || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return askShell(fd);
    }

    /** Where there is no /proc (macOS, BSD): ask {@code test -t} with the stream inherited. */
    private static boolean askShell(int fd) {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "test -t " + fd);
        switch (fd) {
            case STDIN -> pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
            case STDOUT -> pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
            default -> pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            return pb.start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
