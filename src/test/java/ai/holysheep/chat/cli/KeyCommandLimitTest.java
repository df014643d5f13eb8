package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.Main;
import ai.holysheep.chat.config.ProcessEnd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code api_key_cmd} that never finishes, as a user at a shell meets it. */
class KeyCommandLimitTest {
    @TempDir
    Path dir;

    Path config(String text) throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, text);
        return config;
    }

    @Test
    void aCommandOutOfTimeIsOneLineAndExitStatusSix() throws Exception {
        Path config = config("api_key_cmd = \"sleep 30\"\napi_key_cmd_timeout = \"200ms\"\n");
        CliRun.Result r = new CliRun().env("HOLYSHEEP_CONFIG", config.toString()).run("hello");
        assertEquals(ExitCode.KEY_COMMAND_TIMEOUT, r.exitCode(), r.stderr());
        assertEquals("holysheep-chat: api_key_cmd did not finish within 200ms and was stopped; raise api_key_cmd_timeout"
                + " in the config if it needs longer\n", r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void doctorSaysTheSameWithTheSameStatus() throws Exception {
        Path config = config("api_key_cmd = \"sleep 30\"\napi_key_cmd_timeout = \"200ms\"\n");
        CliRun.Result r = new CliRun().env("HOLYSHEEP_CONFIG", config.toString()).run("doctor");
        assertEquals(ExitCode.KEY_COMMAND_TIMEOUT, r.exitCode(), r.all());
        assertTrue(r.all().contains("api_key_cmd did not finish within 200ms"), r.all());
    }

    @Test
    void aClientStoppedWhileTheCommandRunsStopsItsProcessesToo() throws Exception {
        Path pid = dir.resolve("pid");
        Path config = config("api_key_cmd = \"sleep 60 & echo $! > " + pid + "; wait\"\napi_key_cmd_timeout = \"1m\"\n");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "hello");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("HOLYSHEEP_") || name.startsWith("XDG_"));
        env.put("HOME", dir.toString());
        env.put("HOLYSHEEP_CONFIG", config.toString());
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("output").toFile());
        Process client = builder.start();
        client.getOutputStream().close(); // nothing piped in: the prompt is the whole question
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
                assertTrue(client.isAlive() && Instant.now().isBefore(deadline), () -> read(dir.resolve("output")));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            long sleeper = Long.parseLong(Files.readString(pid).strip());
            client.destroy(); // SIGTERM
            assertTrue(client.waitFor(30, TimeUnit.SECONDS));
            ProcessEnd.assertEnded(sleeper);
            String said = read(dir.resolve("output"));
            assertEquals("holysheep-chat: stopped while api_key_cmd was running\n", said,
                    "the command did not fail: the client was stopped");
        } finally {
            client.destroyForcibly();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
