package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key an HTTP header cannot carry is a configuration error naming where it came from. */
class KeyCharactersTest {
    @TempDir
    Path dir;

    @Test
    void aKeyCommandPrintingTwoLinesIsAConfigurationError() throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "api_key_cmd = \"printf 'sk-first-line-1234\\\\nsk-second-5678'\"\n");
        CliRun.Result r = new CliRun().env("HOLYSHEEP_CONFIG", config.toString()).stdin("").run("hi");
        assertEquals(2, r.exitCode(), r.all());
        assertEquals("holysheep-chat: the API key from api_key_cmd's output holds a space, line break, control or"
                + " non-ASCII character; a key is printable ASCII\n", r.stderr());
        assertFalse(r.all().contains("first-line"), r.all());
    }

    @Test
    void aNonAsciiKeyInTheEnvironmentNamesTheVariable() {
        CliRun.Result r = new CliRun().env("HOLYSHEEP_API_KEY", "sk-키-1234567890").stdin("").run("hi");
        assertEquals(2, r.exitCode(), r.all());
        assertEquals("holysheep-chat: the API key from HOLYSHEEP_API_KEY holds a space, line break, control or"
                + " non-ASCII character; a key is printable ASCII\n", r.stderr());
    }
}
