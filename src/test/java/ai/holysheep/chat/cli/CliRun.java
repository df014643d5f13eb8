package ai.holysheep.chat.cli;

import ai.holysheep.chat.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Runs the command line in-process as a user would, capturing what they would see. */
public final class CliRun {
    private final Map<String, String> env = new HashMap<>();
    private byte[] stdin;
    private boolean stdoutTerminal;
    private boolean stderrTerminal;

    public CliRun() {
        // A config location that never exists, so a developer's own config cannot leak in.
        env.put("XDG_CONFIG_HOME", "/nonexistent-holysheep-test");
        env.put("HOME", "/nonexistent-holysheep-test");
        // Conversations are saved by default: each run gets its own history, inside the build.
        env.put("XDG_DATA_HOME", Path.of("target", "cli-run-data", UUID.randomUUID().toString())
                .toAbsolutePath().toString());
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Text piped into stdin; without it stdin is a terminal, which is never read. */
    public CliRun stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public CliRun terminalOut() {
        stdoutTerminal = true;
        return this;
    }

    public CliRun terminalErr() {
        stderrTerminal = true;
        return this;
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(
                new ByteArrayInputStream(stdin == null ? new byte[0] : stdin),
                new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.copyOf(env), stdin == null, stdoutTerminal, stderrTerminal);
        int code = Main.run(args, io);
        io.out().flush();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }
}
