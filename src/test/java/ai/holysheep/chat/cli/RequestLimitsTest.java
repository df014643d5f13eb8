package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --temperature and --max-tokens, and the config's [defaults], are held to the same limits. */
class RequestLimitsTest {
    @TempDir
    Path dir;

    @Test
    void notANumberIsNotATemperature() {
        CliRun.Result r = new CliRun().stdin("").run("--temperature", "NaN", "hi");
        assertEquals(2, r.exitCode(), r.all());
        assertEquals("holysheep-chat: --temperature must be between 0 and 2\n", r.stderr());
    }

    @Test
    void theConfigsDefaultsAreCheckedAsTheFlagsAre() throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "[defaults]\ntemperature = 99\n");
        CliRun.Result hot = new CliRun().env("HOLYSHEEP_CONFIG", config.toString()).stdin("").run("hi");
        assertEquals(2, hot.exitCode(), hot.all());
        assertEquals("holysheep-chat: config " + config + ": defaults.temperature must be between 0 and 2, not 99.0\n",
                hot.stderr());

        Files.writeString(config, "[defaults]\nmax_tokens = -5\n");
        CliRun.Result negative = new CliRun().env("HOLYSHEEP_CONFIG", config.toString()).stdin("").run("hi");
        assertEquals(2, negative.exitCode(), negative.all());
        assertEquals("holysheep-chat: config " + config + ": defaults.max_tokens must be a whole number of at least 1, not -5\n",
                negative.stderr());
    }
}
