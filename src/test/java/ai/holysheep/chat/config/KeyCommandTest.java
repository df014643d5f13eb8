package ai.holysheep.chat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api_key_cmd} within its time limit: real shell commands, limits of a fraction of a second. */
class KeyCommandTest {
    static final Duration LIMIT = Duration.ofMillis(200);

    @TempDir
    Path dir;

    @Test
    void aCommandThatPrintsNothingIsStoppedAtTheLimit() {
        long start = System.nanoTime();
        KeyCommandTimeout e = assertThrows(KeyCommandTimeout.class, () -> KeyCommand.run("sleep 30", LIMIT));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "stopped near the limit, not after the command");
        assertEquals("api_key_cmd did not finish within 200ms and was stopped; raise api_key_cmd_timeout in the config"
                + " if it needs longer", e.getMessage());
    }

    @Test
    void runningOutOfTimeEndsEveryProcessTheCommandStarted() throws Exception {
        Path pids = dir.resolve("pids");
        // The shell runs a second shell, which runs a sleep: a tree two levels deep under ours.
        String command = "sh -c 'sleep 30 & echo $! > " + pids + "; wait' & echo $! >> " + pids + "; wait";
        assertThrows(KeyCommandTimeout.class, () -> KeyCommand.run(command, LIMIT));
        for (String pid : Files.readAllLines(pids)) {
            ProcessEnd.assertEnded(Long.parseLong(pid.strip()));
        }
    }

    @Test
    void aCommandDeafToSigtermIsKilled() throws Exception {
        Path pid = dir.resolve("pid");
        assertThrows(KeyCommandTimeout.class,
                () -> KeyCommand.run("trap '' TERM; echo $$ > " + pid + "; while :; do sleep 0.05; done", LIMIT));
        ProcessEnd.assertEnded(Long.parseLong(Files.readString(pid).strip()));
    }

    @Test
    void aCommandThatPrintsWithoutEndIsStoppedAtOnce() {
        long start = System.nanoTime();
        ConfigException e = assertThrows(ConfigException.class, () -> KeyCommand.run("yes sk-again", Duration.ofSeconds(30)));
        assertFalse(e instanceof KeyCommandTimeout);
        assertEquals("api_key_cmd's output could not be read: it printed more than 64 KiB, and a key is one line",
                e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void aQuickCommandsKeyIsRead() {
        assertEquals("sk-quick-1234", KeyCommand.run("printf 'sk-quick-1234\\n'", LIMIT.multipliedBy(25)));
    }

    @Test
    void theLimitIsTenSecondsUnlessTheConfigSaysOtherwise() throws Exception {
        assertEquals(Duration.ofSeconds(10), ConfigFile.none().apiKeyCmdTimeout());
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "model = \"m\"\n");
        assertEquals(Duration.ofSeconds(10), ConfigFileReader.read(file).apiKeyCmdTimeout());
        Files.writeString(file, "api_key_cmd_timeout = \"0.2s\"\n");
        assertEquals(LIMIT, ConfigFileReader.read(file).apiKeyCmdTimeout());
        Files.writeString(file, "api_key_cmd_timeout = \"0s\"\n");
        assertEquals("config " + file + ": api_key_cmd_timeout must be longer than 0",
                assertThrows(ConfigException.class, () -> ConfigFileReader.read(file)).getMessage());
        Files.writeString(file, "api_key_cmd_timeout = \"soon\"\n");
        assertEquals("config " + file + ": api_key_cmd_timeout: 'soon' is not a duration (write it like 500ms, 2s, 1m)",
                assertThrows(ConfigException.class, () -> ConfigFileReader.read(file)).getMessage());
    }

    @Test
    void theConfiguredLimitAppliesToAProfilesCommandToo() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "api_key_cmd_timeout = \"200ms\"\nprofile = \"slow\"\n"
                + "[profiles.slow]\nbase_url = \"http://127.0.0.1:1/v1\"\napi_key_cmd = \"sleep 30\"\n");
        ConfigLoader loader = new ConfigLoader(java.util.Map.of("HOLYSHEEP_CONFIG", file.toString()));
        assertThrows(KeyCommandTimeout.class, () -> loader.load(Overrides.NONE));
    }
}
