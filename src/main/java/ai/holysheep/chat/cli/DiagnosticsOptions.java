package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.RequestLog;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --verbose}: a debug log of requests in a file, never on the terminal, where it would
 * mix with the answer. The file is {@code $XDG_STATE_HOME/holysheep-chat/debug.log}, appended to
 * and rotated once it passes {@value #ROTATE_BYTES} bytes.
 */
public final class DiagnosticsOptions {
    static final long ROTATE_BYTES = 5L * 1024 * 1024;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Write a debug log of requests (URLs, statuses, timings, retries; never the key) to "
                    + "$XDG_STATE_HOME/holysheep-chat/debug.log.")
    boolean verbose;

    @Option(names = "--log-bodies", scope = ScopeType.INHERIT,
            description = "With --verbose: also log request and response bodies (your messages and the answers).")
    boolean logBodies;

    private RequestLog log;

    /** The log for this run, opened on first use; says on stderr where it goes. */
    RequestLog requestLog(Io io) {
        if (log != null) {
            return log;
        }
        if (!verbose && !logBodies) {
            log = RequestLog.disabled();
            return log;
        }
        Path file = path(io);
        try {
            log = RequestLog.to(open(file), logBodies, Clock.systemDefaultZone());
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot write the debug log " + file + ": " + e.getMessage());
        }
        io.err().println("holysheep-chat: logging requests to " + file);
        log.note("holysheep-chat " + Version.current() + " started " + Instant.now()
                + (logBodies ? " (with bodies)" : ""));
        return log;
    }

    static Path path(Io io) {
        String state = io.env().get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank()
                ? Path.of(state)
                : Path.of(io.env().getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return base.resolve("holysheep-chat").resolve("debug.log");
    }

    private static PrintWriter open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && Files.size(file) > ROTATE_BYTES) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(file)) {
            // Created private: with --log-bodies it holds the conversation.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return new PrintWriter(new OutputStreamWriter(
                Files.newOutputStream(file, StandardOpenOption.APPEND), StandardCharsets.UTF_8));
    }
}
