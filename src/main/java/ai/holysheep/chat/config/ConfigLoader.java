package ai.holysheep.chat.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Applies precedence: flags over environment over config file over built-in defaults.
 *
 * <p>A profile chosen with {@code --profile} counts as a flag and one named by the file's
 * {@code profile} key counts as the file. A key belongs to the gateway it was issued for (see
 * {@link #key}), so a HolySheep key in the environment is never sent to another provider's server
 * and a profile's key never to a URL that overrides the profile's.
 */
public final class ConfigLoader {
    static final String DEFAULT_BASE_URL = "https://api.holysheep.ai/v1";
    static final String DEFAULT_MODEL = "gpt-4.1";
    /** In place of a role when none is picked: it changes nothing. */
    private static final AssistantRole NO_ROLE = new AssistantRole("", null, null, null, true);

    /**
     * HolySheep's prices, in $ per million tokens, input then output; used only for HolySheep's
     * own gateway. HolySheep publishes one figure per model and calls it the output price; the
     * input figures are estimates, each model maker's own list price for input (which keeps the
     * makers' input-to-output ratio), until HolySheep publishes its own. README, "Configuration".
     */
    static final Map<String, Price> HOLYSHEEP_PRICES = Map.of(
            "gpt-4.1", new Price(2.00, 8.00),
            "claude-sonnet-4.5", new Price(3.00, 15.00),
            "gemini-2.5-flash", new Price(0.30, 2.50),
            "deepseek-v3.2", new Price(0.28, 0.42));
    /** The makers' published context windows of the HolySheep models, in tokens. */
    static final Map<String, Long> HOLYSHEEP_CONTEXT_WINDOWS = Map.of(
            "gpt-4.1", 1_047_576L,
            "claude-sonnet-4.5", 200_000L,
            "gemini-2.5-flash", 1_048_576L,
            "deepseek-v3.2", 128_000L);

    private final Map<String, String> env;
    private final Consumer<String> warnings;
    private final boolean runKeyCommands;

    public ConfigLoader(Map<String, String> env) {
        this(env, warning -> { });
    }

    /** @param warnings told of problems worth a line on stderr that do not stop the run */
    public ConfigLoader(Map<String, String> env, Consumer<String> warnings) {
        this(env, warnings, true);
    }

    private ConfigLoader(Map<String, String> env, Consumer<String> warnings, boolean runKeyCommands) {
        this.env = env;
        this.warnings = warnings;
        this.runKeyCommands = runKeyCommands;
    }

    /**
     * A loader that leaves {@code api_key_cmd} unrun (the key is then absent), for shell
     * completion: pressing Tab must not unlock a password manager.
     */
    public ConfigLoader skippingKeyCommands() {
        return new ConfigLoader(env, warnings, false);
    }

    /** The config file to read: {@code --config}, else $HOLYSHEEP_CONFIG, else the XDG location. */
    public Path locate(Path flag) {
        if (flag != null) {
            return flag;
        }
        String explicit = env.get("HOLYSHEEP_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home(), ".config");
        return base.resolve("holysheep-chat").resolve("config.toml");
    }

    public Settings load(Overrides flags) {
        Path path = locate(flags.config());
        ConfigFile file = ConfigFileReader.read(path);
        if (flags.config() != null && file.path() == null) {
            throw new ConfigException("config " + path + " does not exist");
        }
        if (file.holdsKey()) {
            ConfigPermissions.warning(file.path()).ifPresent(warnings);
        }
        return resolve(file, flags);
    }

    /**
     * The relay the rooms commands talk to: {@code --server} over the file's {@code [server] url};
     * the member token from {@code $HOLYSHEEP_SERVER_TOKEN} over {@code token} over
     * {@code token_cmd}. Either missing is a configuration error saying where to put it.
     */
    public ServerSettings server(Path configFlag, String urlFlag) {
        Path path = locate(configFlag);
        ConfigFile file = ConfigFileReader.read(path);
        if (configFlag != null && file.path() == null) {
            throw new ConfigException("config " + path + " does not exist");
        }
        if (file.holdsKey()) {
            ConfigPermissions.warning(file.path()).ifPresent(warnings);
        }
        return resolveServer(file, urlFlag);
    }

    private ServerSettings resolveServer(ConfigFile file, String urlFlag) {
        ConfigFile.ServerTable table = file.server();
        String url;
        if (urlFlag != null && !urlFlag.isBlank()) {
            url = ServerSettings.root(urlFlag, "--server");
        } else if (table.url() != null && !table.url().isBlank()) {
            url = ServerSettings.root(table.url(), "[server] url");
        } else {
            throw new ConfigException("no relay to talk to: give --server URL (the URL `holysheep-chat serve` prints)"
                    + " or set url in the config's [server] table");
        }
        Secret token;
        String fromEnv = env("HOLYSHEEP_SERVER_TOKEN");
        if (fromEnv != null) {
            token = headerSafe(new Secret(fromEnv), "member token", "HOLYSHEEP_SERVER_TOKEN");
        } else if (table.token() != null && !table.token().isBlank()) {
            token = headerSafe(new Secret(table.token()), "member token", "[server] token");
        } else if (table.tokenCmd() != null && !table.tokenCmd().isBlank()) {
            token = headerSafe(new Secret(runTokenCommand(table.tokenCmd(), file.apiKeyCmdTimeout())), "member token",
                    "[server] token_cmd");
        } else {
            throw new ConfigException("no member token: set HOLYSHEEP_SERVER_TOKEN, or token or token_cmd in the"
                    + " config's [server] table (the relay's owner makes one with `holysheep-chat serve members add NAME`)");
        }
        return new ServerSettings(url, token);
    }

    /** {@code token_cmd} runs exactly as {@code api_key_cmd} does, under the same time limit; only its errors name it. */
    private static String runTokenCommand(String command, Duration limit) {
        try {
            return KeyCommand.run(command, limit);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage().replace("api_key_cmd", "[server] token_cmd").replace("no key", "no token"));
        }
    }

    Settings resolve(ConfigFile file, Overrides flags) {
        Map<String, Origin> origins = new LinkedHashMap<>();
        Profile flagProfile = null;
        Profile fileProfile = null;
        if (flags.profile() != null) {
            flagProfile = profile(file, flags.profile());
        } else if (file.profile() != null) {
            fileProfile = profile(file, file.profile());
        }
        Profile active = flagProfile != null ? flagProfile : fileProfile;
        if (active != null) {
            origins.put("profile", flagProfile != null ? Origin.FLAG : Origin.FILE);
        }
        Map<String, AssistantRole> roles = Roles.merged(file.roles());
        // Picked on the command line, so a role counts as a flag, below the flags that say the same thing.
        AssistantRole role = flags.role() == null ? NO_ROLE : role(roles, flags.role());

        String baseUrl = pick(origins, "base_url",
                flags.baseUrl(), Origin.FLAG,
                flagProfile == null ? null : flagProfile.baseUrl(), Origin.PROFILE,
                env("HOLYSHEEP_BASE_URL"), Origin.ENV,
                fileProfile == null ? null : fileProfile.baseUrl(), Origin.PROFILE,
                file.baseUrl(), Origin.FILE,
                DEFAULT_BASE_URL, Origin.DEFAULT);
        String model = pick(origins, "model",
                flags.model(), Origin.FLAG,
                role.model(), Origin.ROLE,
                flagProfile == null ? null : flagProfile.model(), Origin.PROFILE,
                env("HOLYSHEEP_MODEL"), Origin.ENV,
                fileProfile == null ? null : fileProfile.model(), Origin.PROFILE,
                file.model(), Origin.FILE,
                DEFAULT_MODEL, Origin.DEFAULT);

        KeySource keySource = keySource(file, active, origins.get("base_url") == Origin.PROFILE);
        if (keySource != null) {
            origins.put("api_key", keySource.origin());
        }
        Secret key = key(keySource, file.apiKeyCmdTimeout());

        RequestDefaults fileRequest = file.request();
        RequestDefaults request = new RequestDefaults(
                first(flags.system(), role.system(), fileRequest.system()),
                first(flags.temperature(), role.temperature(), fileRequest.temperature()),
                flags.maxTokens() != null ? flags.maxTokens() : fileRequest.maxTokens());

        Map<String, Price> prices = new HashMap<>();
        if (isHolySheep(baseUrl)) {
            prices.putAll(HOLYSHEEP_PRICES);
        }
        if (active == null) {
            prices.putAll(file.prices());
        } else {
            prices.putAll(active.prices());
        }
        LinkedHashSet<String> models = new LinkedHashSet<>();
        if (active == null) {
            models.addAll(file.models());
            if (isHolySheep(baseUrl)) {
                models.addAll(HOLYSHEEP_PRICES.keySet().stream().sorted().toList());
            }
        } else {
            models.addAll(active.models());
        }
        models.addAll(prices.keySet().stream().sorted().toList());

        boolean unconfigured = keySource == null && active == null && origins.get("base_url") == Origin.DEFAULT;
        return new Settings(baseUrl, key, keySource == null ? null : keySource.setting(), model,
                active == null ? null : active.name(), request, flags.retry().applyTo(file.retry()),
                Map.copyOf(prices), List.copyOf(models), file.path(), Map.copyOf(origins), unconfigured,
                ProxySettings.resolve(env, file.proxy(), file.proxyLoopback(), baseUrl),
                Collections.unmodifiableMap(roles), contextWindows(file), attach(file));
    }

    /** The config's image_models add to the built-in ones: a model that takes images does so on any gateway. */
    private static AttachSettings attach(ConfigFile file) {
        Set<String> imageModels = new HashSet<>(AttachSettings.BUILT_IN_IMAGE_MODELS);
        imageModels.addAll(file.imageModels());
        return new AttachSettings(file.maxAttach() == null ? AttachSettings.DEFAULT_MAX_BYTES : file.maxAttach(), imageModels);
    }

    /** The built-in figures apply whatever the gateway: a model's window is its maker's, not the gateway's. */
    private static Map<String, Long> contextWindows(ConfigFile file) {
        Map<String, Long> windows = new HashMap<>(HOLYSHEEP_CONTEXT_WINDOWS);
        windows.putAll(file.contextWindows());
        return Map.copyOf(windows);
    }

    private static AssistantRole role(Map<String, AssistantRole> roles, String name) {
        AssistantRole role = roles.get(name);
        if (role == null) {
            throw new ConfigException("unknown role '" + name + "' (known: " + String.join(", ", roles.keySet())
                    + "; see: holysheep-chat roles)");
        }
        return role;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * A key goes only to the gateway it belongs to, however profile, URL and key were chosen: a
     * profile's key to the profile's base_url (or, when the profile names none, to whatever URL is
     * used), and $HOLYSHEEP_API_KEY or the top-level key to every URL that is not a profile's.
     * Null when that gateway has no key.
     */
    private KeySource keySource(ConfigFile file, Profile active, boolean profileUrl) {
        if (active != null && (profileUrl || active.baseUrl() == null || active.baseUrl().isBlank())) {
            KeySource own = KeySource.inFile("profiles." + active.name() + ".", Origin.PROFILE, active.apiKey(),
                    active.apiKeyCmd());
            if (own != null || profileUrl) {
                return own;
            }
        }
        String fromEnv = env("HOLYSHEEP_API_KEY");
        if (fromEnv != null) {
            return KeySource.environment(fromEnv);
        }
        return KeySource.inFile("", Origin.FILE, file.apiKey(), file.apiKeyCmd());
    }

    /** The key itself: the command run, unless this loader leaves commands unrun. */
    private Secret key(KeySource source, Duration commandLimit) {
        if (source == null || (source.command() && !runKeyCommands)) {
            return null;
        }
        String key = source.command() ? KeyCommand.run(source.value(), commandLimit) : source.value();
        return headerSafe(new Secret(key), source.where());
    }

    /**
     * Which key each gateway the config file knows is sent, without reading any key or running
     * any command: the gateway used with no profile, then each profile as {@code -p} chooses it.
     */
    public List<KeyRoute> keyRoutes(Overrides flags) {
        ConfigFile file = ConfigFileReader.read(locate(flags.config()));
        String plainUrl = Stream.of(flags.baseUrl(), env("HOLYSHEEP_BASE_URL"), file.baseUrl())
                .filter(url -> url != null && !url.isBlank()).findFirst().orElse(DEFAULT_BASE_URL);
        List<KeyRoute> routes = new ArrayList<>();
        routes.add(new KeyRoute(null, plainUrl, setting(keySource(file, null, false))));
        for (Profile p : file.profiles().values()) {
            boolean ownUrl = p.baseUrl() != null && !p.baseUrl().isBlank();
            routes.add(new KeyRoute(p.name(), ownUrl ? p.baseUrl() : plainUrl, setting(keySource(file, p, ownUrl))));
        }
        return List.copyOf(routes);
    }

    private static String setting(KeySource source) {
        return source == null ? null : source.setting();
    }

    /**
     * A key travels in an HTTP header, which takes printable ASCII only: a key with a line break
     * (an api_key_cmd that prints two lines), a control or a non-ASCII character is a
     * configuration error naming where it came from, never the key.
     */
    private static Secret headerSafe(Secret key, String where) {
        return headerSafe(key, "API key", where);
    }

    /** @param what "API key" or "member token" */
    private static Secret headerSafe(Secret key, String what, String where) {
        if (key.reveal().chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            throw new ConfigException("the " + what + " from " + where
                    + " holds a space, line break, control or non-ASCII character; a key is printable ASCII");
        }
        return key;
    }

    private Profile profile(ConfigFile file, String name) {
        Profile p = file.profiles().get(name);
        if (p == null) {
            List<String> known = new ArrayList<>(file.profiles().keySet());
            throw new ConfigException("unknown profile '" + name + "'"
                    + (known.isEmpty() ? " (the config file defines none)" : " (known: " + String.join(", ", known) + ")"));
        }
        return p;
    }

    public static boolean isHolySheep(String baseUrl) {
        return baseUrl != null && baseUrl.startsWith("https://api.holysheep.ai/");
    }

    private String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    private String home() {
        String h = env.get("HOME");
        return h != null ? h : System.getProperty("user.home");
    }

    private static String pick(Map<String, Origin> origins, String name, Object... valueOriginPairs) {
        for (int i = 0; i < valueOriginPairs.length; i += 2) {
            String value = (String) valueOriginPairs[i];
            if (value != null && !value.isBlank()) {
                origins.put(name, (Origin) valueOriginPairs[i + 1]);
                return value;
            }
        }
        throw new IllegalStateException("no default for " + name);
    }
}
