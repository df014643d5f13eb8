package ai.holysheep.chat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

    /**
     * Columns of the terminal: {@code $COLUMNS} when set (shells rarely export it), else what
     * {@code stty size} reports for the controlling terminal, else 80.
     */
    public static int columns(Map<String, String> env) {
        Integer fromEnv = positive(env.get("COLUMNS"));
        if (fromEnv != null) {
            return fromEnv;
        }
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty 2>/dev/null").start();
            String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (stty.waitFor() == 0) {
                String[] rowsCols = size.split("\\s+");
                Integer cols = rowsCols.length == 2 ? positive(rowsCols[1]) : null;
                if (cols != null) {
                    return cols;
                }
            }
        } catch (IOException e) {
            // No shell or no terminal: fall through to the classic width.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }

    private static Integer positive(String number) {
        if (number == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(number.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
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
