package ai.holysheep.chat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private Path write(String toml) throws IOException {
        Path file = home.resolve("holysheep-chat/config.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
        env.put("XDG_CONFIG_HOME", home.toString());
        return file;
    }

    private Settings load(Overrides flags) {
        env.putIfAbsent("XDG_CONFIG_HOME", home.toString());
        return new ConfigLoader(env).load(flags);
    }

    @Test
    void nothingConfiguredMeansHolySheepDefaultsAndNoKey() {
        Settings s = load(Overrides.NONE);
        assertEquals("https://api.holysheep.ai/v1", s.baseUrl());
        assertEquals("gpt-4.1", s.model());
        assertNull(s.apiKey());
        assertTrue(s.unconfigured());
        assertEquals(Origin.DEFAULT, s.origins().get("model"));
        assertEquals(new Price(0.28, 0.42), s.price("deepseek-v3.2").orElseThrow());
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        write("model = \"from-file\"\nbase_url = \"http://127.0.0.1:1/v1\"\n");
        assertEquals("from-file", load(Overrides.NONE).model());
        env.put("HOLYSHEEP_MODEL", "from-env");
        assertEquals("from-env", load(Overrides.NONE).model());
        Settings flagged = load(new Overrides(null, null, null, "from-flag", null, null, null));
        assertEquals("from-flag", flagged.model());
        assertEquals(Origin.FLAG, flagged.origins().get("model"));
        assertEquals(Origin.FILE, flagged.origins().get("base_url"));
        assertFalse(flagged.unconfigured());
    }

    @Test
    void aProfileChosenOnTheCommandLineUsesOnlyItsOwnKey() throws IOException {
        write("""
                api_key = "sk-file-key-0000"
                [profiles.local]
                base_url = "http://127.0.0.1:8080/v1"
                model = "llama"
                [profiles.openai]
                base_url = "https://api.openai.com/v1"
                api_key = "sk-openai-key-1111"
                """);
        env.put("HOLYSHEEP_API_KEY", "sk-holysheep-env-2222");
        Settings local = load(new Overrides(null, "local", null, null, null, null, null));
        assertEquals("http://127.0.0.1:8080/v1", local.baseUrl());
        assertEquals("llama", local.model());
        assertNull(local.apiKey(), "the HolySheep key must never go to another server");
        Settings openai = load(new Overrides(null, "openai", null, null, null, null, null));
        assertEquals("sk-openai-key-1111", openai.apiKey().reveal());
        Settings plain = load(Overrides.NONE);
        assertEquals("sk-holysheep-env-2222", plain.apiKey().reveal());
        assertEquals(Origin.ENV, plain.origins().get("api_key"));
    }

    @Test
    void aKeyReachesOnlyItsOwnGatewayHoweverTheProfileWasChosen() throws IOException {
        String profiles = """
                [profiles.openai]
                base_url = "https://api.openai.com/v1"
                api_key = "sk-openai-key-1111"
                """;
        Overrides byFlag = new Overrides(null, "openai", null, null, null, null, null);
        Overrides urlFlag = new Overrides(null, null, "http://127.0.0.1:9/v1", null, null, null, null);
        Overrides both = new Overrides(null, "openai", "http://127.0.0.1:9/v1", null, null, null, null);

        write("profile = \"openai\"\n" + profiles);
        env.put("HOLYSHEEP_API_KEY", "sk-holysheep-env-2222");
        for (Overrides chosen : new Overrides[] {Overrides.NONE, byFlag}) {
            Settings s = load(chosen);
            assertEquals("https://api.openai.com/v1", s.baseUrl());
            assertEquals("sk-openai-key-1111", s.apiKey().reveal(), "the profile's gateway gets the profile's key");
        }
        for (Overrides chosen : new Overrides[] {urlFlag, both}) {
            Settings s = load(chosen);
            assertEquals("http://127.0.0.1:9/v1", s.baseUrl());
            assertEquals("sk-holysheep-env-2222", s.apiKey().reveal(), "an overriding URL never gets the profile's key");
        }
        env.remove("HOLYSHEEP_API_KEY");
        assertNull(load(urlFlag).apiKey());
        assertNull(load(both).apiKey());

        env.put("HOLYSHEEP_BASE_URL", "http://127.0.0.1:7/v1");
        Settings fromEnvUrl = load(Overrides.NONE);
        assertEquals("http://127.0.0.1:7/v1", fromEnvUrl.baseUrl());
        assertNull(fromEnvUrl.apiKey(), "$HOLYSHEEP_BASE_URL must not receive the profile's key");
        Settings flagBeatsEnv = load(byFlag);
        assertEquals("https://api.openai.com/v1", flagBeatsEnv.baseUrl());
        assertEquals("sk-openai-key-1111", flagBeatsEnv.apiKey().reveal());
        env.remove("HOLYSHEEP_BASE_URL");

        write("api_key = \"sk-file-key-0000\"\nprofile = \"openai\"\n" + profiles);
        assertEquals("sk-openai-key-1111", load(Overrides.NONE).apiKey().reveal());
        Settings topKey = load(urlFlag);
        assertEquals("sk-file-key-0000", topKey.apiKey().reveal());
        assertEquals(Origin.FILE, topKey.origins().get("api_key"));

        write("api_key = \"sk-file-key-0000\"\n[profiles.fast]\nmodel = \"m\"\napi_key = \"sk-fast-key-3333\"\n");
        Settings noUrl = load(new Overrides(null, "fast", null, null, null, null, null));
        assertEquals("sk-fast-key-3333", noUrl.apiKey().reveal(), "a profile without a base_url keeps its own key");
    }

    @Test
    void unknownProfileNamesTheKnownOnes() throws IOException {
        write("[profiles.local]\nbase_url = \"http://127.0.0.1:1/v1\"\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(new Overrides(null, "nope", null, null, null, null, null)));
        assertEquals("unknown profile 'nope' (known: local)", e.getMessage());
    }

    @Test
    void keyCommandOutputIsTheKeyAndAFailingCommandSaysSoWithoutItsOutput() throws IOException {
        write("api_key_cmd = \"printf 'sk-from-cmd-3333\\\\n'\"\n");
        Settings s = load(Overrides.NONE);
        assertEquals("sk-from-cmd-3333", s.apiKey().reveal());
        assertEquals(Origin.KEY_COMMAND, s.origins().get("api_key"));
        write("api_key_cmd = \"echo sk-secret-4444; exit 3\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Overrides.NONE));
        assertEquals("api_key_cmd failed with exit status 3", e.getMessage());
    }

    @Test
    void malformedTomlNamesFileAndLine() throws IOException {
        Path file = write("model = \"gpt-4.1\"\n\nbase_url = = \"x\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Overrides.NONE));
        assertTrue(e.getMessage().startsWith("config " + file + " line 3: "), e.getMessage());
    }

    @Test
    void mistypedKeysAndWrongTypesAreErrors() throws IOException {
        Path file = write("modle = \"x\"\n");
        assertEquals("config " + file + ": unknown key 'modle'",
                assertThrows(ConfigException.class, () -> load(Overrides.NONE)).getMessage());
        write("[retry]\nmax_retries = \"eight\"\n");
        assertTrue(assertThrows(ConfigException.class, () -> load(Overrides.NONE)).getMessage()
                .endsWith("retry.max_retries must be a number"));
        write("[retry]\nbase_delay = \"soon\"\n");
        assertTrue(assertThrows(ConfigException.class, () -> load(Overrides.NONE)).getMessage()
                .contains("retry.base_delay: 'soon' is not a duration"));
    }

    @Test
    void maxEventSizeIsReadAndChecked() throws IOException {
        assertEquals(4L << 20, load(Overrides.NONE).retry().maxEventSize());
        write("[retry]\nmax_event_size = 65536\n");
        assertEquals(65_536, load(Overrides.NONE).retry().maxEventSize());
        write("[retry]\nmax_event_size = 10\n");
        assertTrue(assertThrows(ConfigException.class, () -> load(Overrides.NONE)).getMessage()
                .endsWith("retry.max_event_size must be a whole number of bytes, at least 1024"));
    }

    @Test
    void retryRequestAndPriceSectionsAreRead() throws IOException {
        write("""
                [defaults]
                system = "be brief"
                temperature = 0.2
                max_tokens = 512
                [retry]
                max_retries = 3
                base_delay = "250ms"
                idle_timeout = "1m"
                resume = "restart"
                [prices."my-model"]
                input = 1.5
                output = 6
                """);
        Settings s = load(new Overrides(null, null, null, null, null, 0.9, null));
        assertEquals("be brief", s.request().system());
        assertEquals(0.9, s.request().temperature());
        assertEquals(512, s.request().maxTokens());
        assertEquals(3, s.retry().maxRetries());
        assertEquals(Duration.ofMillis(250), s.retry().baseDelay());
        assertEquals(Duration.ofMinutes(1), s.retry().idleTimeout());
        assertEquals(ResumeMode.RESTART, s.retry().resume());
        assertEquals(new Price(1.5, 6), s.price("my-model").orElseThrow());
    }

    @Test
    void configFileIsFoundByFlagThenEnvironmentThenXdg() {
        ConfigLoader loader = new ConfigLoader(Map.of("HOLYSHEEP_CONFIG", "/a/b.toml", "HOME", "/home/u"));
        assertEquals(Path.of("/flag.toml"), loader.locate(Path.of("/flag.toml")));
        assertEquals(Path.of("/a/b.toml"), loader.locate(null));
        assertEquals(Path.of("/home/u/.config/holysheep-chat/config.toml"),
                new ConfigLoader(Map.of("HOME", "/home/u")).locate(null));
    }

    @Test
    void anExplicitConfigThatDoesNotExistIsAnError() {
        assertThrows(ConfigException.class,
                () -> load(new Overrides(home.resolve("missing.toml"), null, null, null, null, null, null)));
    }

    @Test
    void theShippedExampleConfigParses() {
        Path example = Path.of("config.example.toml");
        ConfigFile file = ConfigFileReader.read(example);
        assertEquals(new Price(2.0, 8.0), file.prices().get("gpt-4.1"));
        assertTrue(file.profiles().containsKey("local"));
    }

    @Test
    void theServeTableSetsTheRelaysAddressAndLimits() throws IOException {
        Path file = write("[serve]\nhost = \"0.0.0.0\"\nport = 9090\nkeepalive = \"5s\"\nmax_streams = 2\n"
                + "requests_per_minute = 30\nmax_body = 65536\n");
        assertEquals(new ServeLimits("0.0.0.0", 9090, java.time.Duration.ofSeconds(5), 2, 30, 65536),
                ConfigFileReader.read(file).serve());
        assertEquals(ServeLimits.DEFAULTS, ConfigFileReader.read(write("model = \"gpt-4.1\"\n")).serve());
        assertEquals("127.0.0.1", ServeLimits.DEFAULTS.host(), "loopback unless told otherwise");
        for (String bad : new String[] {"port = 70000", "max_streams = 0", "keepalive = \"0s\"", "colour = 1",
            "requests_per_minute = 1.5", "host = \"\""}) {
            Path wrong = write("[serve]\n" + bad + "\n");
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFileReader.read(wrong), bad);
            assertTrue(e.getMessage().contains("serve."), e.getMessage());
        }
        ServeLimits example = ConfigFileReader.read(Path.of("config.example.toml")).serve();
        assertEquals(ServeLimits.DEFAULTS, example, "the example shows the defaults");
    }

    @Test
    void maxAttachAndImageModelsSetWhatMayBeAttached() throws IOException {
        assertEquals(AttachSettings.DEFAULTS, load(Overrides.NONE).attach());
        assertEquals(1024 * 1024, AttachSettings.DEFAULTS.maxBytes());
        write("max_attach = 65536\nimage_models = [\"llava\"]\n");
        AttachSettings attach = load(Overrides.NONE).attach();
        assertEquals(65536, attach.maxBytes());
        assertTrue(attach.takesImages("llava"), "the config's model");
        assertTrue(attach.takesImages("gpt-4.1"), "a built-in one still");
        assertFalse(attach.takesImages("deepseek-v3.2"));
        for (String bad : new String[] {"max_attach = 0", "max_attach = 1.5", "max_attach = \"1MiB\"", "image_models = \"llava\""}) {
            Path wrong = write(bad + "\n");
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFileReader.read(wrong), bad);
            assertTrue(e.getMessage().contains(bad.substring(0, bad.indexOf(' '))), e.getMessage());
        }
        ConfigFile example = ConfigFileReader.read(Path.of("config.example.toml"));
        assertEquals(AttachSettings.DEFAULT_MAX_BYTES, example.maxAttach(), "the example shows the default");
    }

    @Test
    void theServerTableNamesTheRelayAndTheMembersTokenWithTheEnvironmentWinning() throws IOException {
        Path file = write("[server]\nurl = \"http://127.0.0.1:8080/v1\"\ntoken = \"hsm_from_file_0001\"\n");
        ServerSettings fromFile = new ConfigLoader(env).server((Path) null, null);
        assertEquals("http://127.0.0.1:8080", fromFile.url(), "the URL serve prints works, /v1 and all");
        assertEquals("hsm_from_file_0001", fromFile.token().reveal());
        assertFalse(fromFile.toString().contains("hsm_from_file_0001"), "the token is masked when printed");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        java.util.List<String> warnings = new java.util.ArrayList<>();
        new ConfigLoader(env, warnings::add).server((Path) null, null);
        assertEquals(1, warnings.size(), "a token in a file others can read is worth a warning, as a key is");
        assertTrue(warnings.get(0).contains("chmod 600") && !warnings.get(0).contains("hsm_"), warnings.get(0));

        env.put("HOLYSHEEP_SERVER_TOKEN", "hsm_from_env_0002");
        ServerSettings fromEnv = new ConfigLoader(env).server((Path) null, "https://relay.example.com/");
        assertEquals("hsm_from_env_0002", fromEnv.token().reveal(), "the environment beats the file");
        assertEquals("https://relay.example.com", fromEnv.url(), "--server beats [server] url");
        env.remove("HOLYSHEEP_SERVER_TOKEN");

        write("[server]\nurl = \"http://127.0.0.1:8080\"\ntoken_cmd = \"printf 'hsm_from_cmd_0003\\\\n'\"\n");
        assertEquals("hsm_from_cmd_0003", new ConfigLoader(env).server((Path) null, null).token().reveal());
        write("[server]\nurl = \"http://127.0.0.1:8080\"\ntoken_cmd = \"echo hsm_secret_0004; exit 3\"\n");
        ConfigException failed = assertThrows(ConfigException.class, () -> new ConfigLoader(env).server((Path) null, null));
        assertEquals("[server] token_cmd failed with exit status 3", failed.getMessage());

        write("[server]\ntoken = \"hsm_x_0005\"\n");
        assertTrue(assertThrows(ConfigException.class, () -> new ConfigLoader(env).server((Path) null, null)).getMessage()
                .contains("--server URL"));
        write("[server]\nurl = \"http://127.0.0.1:8080\"\n");
        assertTrue(assertThrows(ConfigException.class, () -> new ConfigLoader(env).server((Path) null, null)).getMessage()
                .contains("HOLYSHEEP_SERVER_TOKEN"));
        ConfigException notUrl = assertThrows(ConfigException.class, () -> new ConfigLoader(env).server((Path) null, "relay:8080"));
        assertTrue(notUrl.getMessage().startsWith("--server must be an http:// or https:// URL"), notUrl.getMessage());
        Path typo = write("[server]\nurl = \"http://127.0.0.1:8080\"\ntokn = \"x\"\n");
        assertEquals("config " + typo + ": unknown key 'server.tokn'",
                assertThrows(ConfigException.class, () -> ConfigFileReader.read(typo)).getMessage());
    }

    @Test
    void secretsAreMaskedWhenPrinted() {
        Secret s = new Secret("sk-abcdefghijkl9c3f");
        assertEquals("sk-…9c3f", s.toString());
        assertFalse(String.valueOf(s).contains("abcdef"));
    }
}
