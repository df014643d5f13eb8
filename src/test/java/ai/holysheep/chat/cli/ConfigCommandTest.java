package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config init | path | show | models} on a temporary XDG tree. */
class ConfigCommandTest {
    static final String KEY = "sk-test-NEVER-SHOWN-7f3a9c3f";

    @TempDir
    Path home;

    CliRun user() {
        return new CliRun().env("HOME", home.toString()).env("XDG_CONFIG_HOME", home.resolve("cfg").toString());
    }

    Path xdgConfig() {
        return home.resolve("cfg/holysheep-chat/config.toml");
    }

    @Test
    void pathPrintsTheXdgLocationOrTheExplicitOne() {
        CliRun.Result r = user().run("config", "path");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(xdgConfig() + "\n", r.stdout());

        CliRun.Result explicit = user().env("HOLYSHEEP_CONFIG", "/etc/hs.toml").run("config", "path");
        assertEquals("/etc/hs.toml\n", explicit.stdout());
    }

    @Test
    void initWritesTheCommentedExamplePrivatelyAndRefusesToOverwrite() throws Exception {
        CliRun.Result r = user().run("config", "init");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("Wrote " + xdgConfig()), r.stdout());
        assertEquals(Files.readString(Path.of("config.example.toml")), Files.readString(xdgConfig()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(xdgConfig())));

        Files.writeString(xdgConfig(), "model = \"mine\"\n");
        CliRun.Result again = user().run("config", "init");
        assertEquals(2, again.exitCode());
        assertTrue(again.stderr().contains("already exists; use --force"), again.stderr());
        assertEquals("model = \"mine\"\n", Files.readString(xdgConfig()));

        CliRun.Result forced = user().run("config", "init", "--force");
        assertEquals(0, forced.exitCode(), forced.stderr());
        assertTrue(Files.readString(xdgConfig()).contains("[profiles.local]"));
    }

    @Test
    void showGivesEachSettingWithItsSourceAndTheKeysSourceNeverTheKey() throws Exception {
        Files.createDirectories(xdgConfig().getParent());
        Files.writeString(xdgConfig(), "model = \"deepseek-v3.2\"\nproxy = \"http://me:hunter2@proxy.corp:3128\"\n");
        CliRun.Result r = user().env("HOLYSHEEP_API_KEY", KEY).run("config", "show", "--base-url", "http://127.0.0.1:9/v1");
        assertEquals(0, r.exitCode(), r.stderr());
        String out = r.stdout();
        assertTrue(out.contains("config    " + xdgConfig()), out);
        assertTrue(out.contains("base_url  http://127.0.0.1:9/v1  (flag)"), out);
        assertTrue(out.contains("model     deepseek-v3.2  (file)"), out);
        assertTrue(out.contains("api_key   from HOLYSHEEP_API_KEY, sent only to http://127.0.0.1:9/v1\n"), out);
        assertTrue(out.contains("proxy     http://me:****@proxy.corp:3128  (file)"), out);
        assertFalse(r.all().contains(KEY), "the key never shows");
        assertFalse(r.all().contains("hunter2"), "nor the proxy's password");
    }

    @Test
    void showWithNothingConfiguredSaysDefaults() {
        CliRun.Result r = user().run("config", "show");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("does not exist"), r.stdout());
        assertTrue(r.stdout().contains("base_url  https://api.holysheep.ai/v1  (default)"), r.stdout());
        assertTrue(r.stdout().contains("api_key   (none) for https://api.holysheep.ai/v1\n"), r.stdout());
        assertTrue(r.stdout().contains("proxy     (direct)"), r.stdout());
    }

    @Test
    void hiddenModelsListsConfiguredIdsWithoutRunningTheKeyCommand() throws Exception {
        Path marker = home.resolve("key-command-ran");
        Files.createDirectories(xdgConfig().getParent());
        Files.writeString(xdgConfig(), "api_key_cmd = \"touch " + marker + "; echo sk-x\"\nmodels = [\"mine-1\"]\n");
        CliRun.Result r = user().run("config", "models");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("mine-1\n"), r.stdout());
        assertTrue(r.stdout().contains("deepseek-v3.2\n"), r.stdout());
        assertFalse(Files.exists(marker), "Tab must not unlock a password manager");
        assertFalse(user().run("--help").stdout().contains("config models"));
    }

    @Test
    void aConfigHoldingAKeyReadableByOthersWarnsWithTheFixLikeSsh() throws Exception {
        Files.createDirectories(xdgConfig().getParent());
        Files.writeString(xdgConfig(), "api_key = \"" + KEY + "\"\n");
        Files.setPosixFilePermissions(xdgConfig(), PosixFilePermissions.fromString("rw-r--r--"));
        CliRun.Result r = user().run("config", "show");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("holysheep-chat: warning: config " + xdgConfig()
                + " holds an API key but is accessible by others; fix: chmod 600 " + xdgConfig() + "\n", r.stderr());

        Files.setPosixFilePermissions(xdgConfig(), PosixFilePermissions.fromString("rw-------"));
        assertEquals("", user().run("config", "show").stderr());
    }

    @Test
    void aReadableConfigWithoutAKeyIsNoConcern() throws Exception {
        Files.createDirectories(xdgConfig().getParent());
        Files.writeString(xdgConfig(), "api_key_cmd = \"echo sk-from-cmd-123456\"\n");
        Files.setPosixFilePermissions(xdgConfig(), PosixFilePermissions.fromString("rw-r--r--"));
        CliRun.Result r = user().run("config", "show");
        assertEquals("", r.stderr());
        assertTrue(r.stdout().contains("api_key   from api_key_cmd, sent only to https://api.holysheep.ai/v1\n"), r.stdout());
    }

    @Test
    void showSaysWhichKeyEachGatewayGetsWithoutRunningAnyKeyCommand() throws Exception {
        Path marker = home.resolve("key-command-ran");
        Files.createDirectories(xdgConfig().getParent());
        Files.writeString(xdgConfig(), "profile = \"openai\"\n"
                + "[profiles.openai]\nbase_url = \"https://api.openai.com/v1\"\napi_key_cmd = \"touch " + marker + "; echo sk-x\"\n"
                + "[profiles.local]\nbase_url = \"http://127.0.0.1:8080/v1\"\n"
                + "[profiles.fast]\nmodel = \"m\"\napi_key = \"" + KEY + "\"\n");
        Files.setPosixFilePermissions(xdgConfig(), PosixFilePermissions.fromString("rw-------"));
        CliRun.Result r = user().env("HOLYSHEEP_API_KEY", KEY).run("config", "show");
        assertEquals(0, r.exitCode(), r.stderr());
        String out = r.stdout();
        assertTrue(out.contains("api_key   from profiles.openai.api_key_cmd, sent only to https://api.openai.com/v1\n"), out);
        assertTrue(out.contains("keys      no profile      https://api.holysheep.ai/v1  key from HOLYSHEEP_API_KEY\n"
                + "          profile openai  https://api.openai.com/v1    key from profiles.openai.api_key_cmd\n"
                + "          profile local   http://127.0.0.1:8080/v1     no key\n"
                + "          profile fast    https://api.holysheep.ai/v1  key from profiles.fast.api_key\n"), out);
        assertFalse(r.all().contains(KEY) || r.all().contains("…9c3f"), "neither the key nor a part of it");
        assertFalse(Files.exists(marker), "showing where a key comes from does not run its command");

        // The environment's URL beats the file's profile: it gets the environment's key, not the profile's.
        CliRun.Result overridden = user().env("HOLYSHEEP_API_KEY", KEY).env("HOLYSHEEP_BASE_URL", "http://127.0.0.1:9/v1")
                .run("config", "show");
        assertTrue(overridden.stdout().contains("api_key   from HOLYSHEEP_API_KEY, sent only to http://127.0.0.1:9/v1\n"),
                overridden.stdout());
    }
}
