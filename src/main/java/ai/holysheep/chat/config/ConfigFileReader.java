package ai.holysheep.chat.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a TOML config file into a {@link ConfigFile}. Unknown keys are errors, because a
 * mistyped key silently ignored is a setting the user believes in but does not have.
 */
public final class ConfigFileReader {
    private static final Set<String> TOP = Set.of(
            "model", "base_url", "api_key", "api_key_cmd", "api_key_cmd_timeout", "profile", "models", "defaults", "retry", "prices", "profiles",
            "proxy", "proxy_loopback", "serve", "roles", "server",
            "context_windows", "max_attach", "image_models");
    private static final Set<String> DEFAULTS = Set.of("system", "temperature", "max_tokens");
    private static final Set<String> RETRY = Set.of("max_retries", "base_delay", "factor", "max_delay", "jitter",
            "idle_timeout", "connect_timeout", "max_retry_after", "resume", "max_event_size");
    private static final Set<String> PROFILE = Set.of("base_url", "api_key", "api_key_cmd", "model", "models", "prices");
    private static final Set<String> ROLE = Set.of("system", "model", "temperature");
    private static final Set<String> PRICE = Set.of("input", "output");
    private static final Set<String> SERVE = Set.of("host", "port", "keepalive", "max_streams",
            "requests_per_minute", "max_body");
    private static final Set<String> SERVER = Set.of("url", "token", "token_cmd");

    private final Path path;

    private ConfigFileReader(Path path) {
        this.path = path;
    }

    /** Reads {@code path}; a file that does not exist is an empty config, not an error. */
    public static ConfigFile read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            return ConfigFile.none();
        } catch (IOException e) {
            throw new ConfigException("cannot read config " + path + ": " + e.getMessage());
        }
        return new ConfigFileReader(path).parse(text);
    }

    ConfigFile parse(String text) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr();
            throw new ConfigException("config " + path + where + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(path, null, null, null, null, KeyCommand.DEFAULT_LIMIT, null, RequestDefaults.NONE,
                    RetrySettings.DEFAULTS, Map.of(), List.of(), Map.of(), null, false, ServeLimits.DEFAULTS,
                Map.of(), ConfigFile.ServerTable.NONE, Map.of(), null, List.of());
        }
        checkKeys(root, TOP, "");
        return new ConfigFile(
                path,
                string(root, "model", ""),
                string(root, "base_url", ""),
                string(root, "api_key", ""),
                string(root, "api_key_cmd", ""),
                keyCommandLimit(root),
                string(root, "profile", ""),
                request(root.get("defaults")),
                retry(root.get("retry")),
                prices(root.get("prices"), "prices"),
                stringList(root, "models", ""),
                profiles(root.get("profiles")),
                string(root, "proxy", ""),
                bool(root, "proxy_loopback", ""),
                serve(root.get("serve")),
                roles(root.get("roles")),
                server(root.get("server")),
                contextWindows(root.get("context_windows")),
                maxAttach(root),
                stringList(root, "image_models", ""));
    }

    private Long maxAttach(JsonNode root) {
        Double bytes = number(root, "max_attach", "");
        if (bytes != null && !(bytes >= 1 && bytes == Math.floor(bytes))) {
            throw problem("max_attach must be a whole number of bytes, at least 1");
        }
        return bytes == null ? null : bytes.longValue();
    }

    private Duration keyCommandLimit(JsonNode root) {
        Duration limit = duration(root, "api_key_cmd_timeout", "", KeyCommand.DEFAULT_LIMIT);
        if (limit.isZero()) {
            throw problem("api_key_cmd_timeout must be longer than 0");
        }
        return limit;
    }

    private RequestDefaults request(JsonNode node) {
        if (node == null) {
            return RequestDefaults.NONE;
        }
        table(node, "defaults");
        checkKeys(node, DEFAULTS, "defaults.");
        Double temperature = number(node, "temperature", "defaults.");
        Double maxTokens = number(node, "max_tokens", "defaults.");
        // The same limits as --temperature and --max-tokens.
        if (temperature != null && !RequestDefaults.validTemperature(temperature)) {
            throw problem("defaults.temperature must be between 0 and 2, not " + temperature);
        }
        if (maxTokens != null && !(maxTokens >= 1 && maxTokens <= Integer.MAX_VALUE && maxTokens == Math.floor(maxTokens))) {
            throw problem("defaults.max_tokens must be a whole number of at least 1, not " + node.get("max_tokens").asText());
        }
        return new RequestDefaults(string(node, "system", "defaults."), temperature,
                maxTokens == null ? null : maxTokens.intValue());
    }

    private RetrySettings retry(JsonNode node) {
        RetrySettings d = RetrySettings.DEFAULTS;
        if (node == null) {
            return d;
        }
        table(node, "retry");
        checkKeys(node, RETRY, "retry.");
        Double maxRetries = number(node, "max_retries", "retry.");
        Double factor = number(node, "factor", "retry.");
        Double jitter = number(node, "jitter", "retry.");
        Double maxEventSize = number(node, "max_event_size", "retry.");
        String resume = string(node, "resume", "retry.");
        ResumeMode mode = d.resume();
        if (resume != null) {
            mode = switch (resume.toLowerCase(Locale.ROOT)) {
                case "continue" -> ResumeMode.CONTINUE;
                case "restart" -> ResumeMode.RESTART;
                default -> throw problem("retry.resume must be \"continue\" or \"restart\", not \"" + resume + "\"");
            };
        }
        if (maxRetries != null && (maxRetries < 0 || maxRetries > 100)) {
            throw problem("retry.max_retries must be between 0 and 100");
        }
        if (factor != null && factor < 1) {
            throw problem("retry.factor must be at least 1");
        }
        if (maxEventSize != null && (maxEventSize < 1024 || maxEventSize != Math.floor(maxEventSize))) {
            throw problem("retry.max_event_size must be a whole number of bytes, at least 1024");
        }
        if (jitter != null && (jitter < 0 || jitter >= 1)) {
            throw problem("retry.jitter must be at least 0 and below 1");
        }
        return new RetrySettings(
                maxRetries == null ? d.maxRetries() : maxRetries.intValue(),
                duration(node, "base_delay", d.baseDelay()),
                factor == null ? d.factor() : factor,
                duration(node, "max_delay", d.maxDelay()),
                jitter == null ? d.jitter() : jitter,
                duration(node, "idle_timeout", d.idleTimeout()),
                duration(node, "connect_timeout", d.connectTimeout()),
                duration(node, "max_retry_after", d.maxRetryAfter()),
                mode,
                maxEventSize == null ? d.maxEventSize() : maxEventSize.longValue());
    }

    private ServeLimits serve(JsonNode node) {
        ServeLimits d = ServeLimits.DEFAULTS;
        if (node == null) {
            return d;
        }
        table(node, "serve");
        checkKeys(node, SERVE, "serve.");
        String host = string(node, "host", "serve.");
        Double port = number(node, "port", "serve.");
        Double streams = number(node, "max_streams", "serve.");
        Double perMinute = number(node, "requests_per_minute", "serve.");
        Double maxBody = number(node, "max_body", "serve.");
        if (host != null && host.isBlank()) {
            throw problem("serve.host must not be empty");
        }
        if (port != null && !(port >= 0 && port <= 65535 && port == Math.floor(port))) {
            throw problem("serve.port must be a whole number from 0 to 65535");
        }
        for (String key : List.of("max_streams", "requests_per_minute", "max_body")) {
            Double value = number(node, key, "serve.");
            if (value != null && !(value >= 1 && value == Math.floor(value) && value <= Integer.MAX_VALUE)) {
                throw problem("serve." + key + " must be a whole number of at least 1");
            }
        }
        Duration keepalive = duration(node, "keepalive", "serve.", d.keepalive());
        if (keepalive.isZero() || keepalive.isNegative()) {
            throw problem("serve.keepalive must be longer than 0s");
        }
        return new ServeLimits(host == null ? d.host() : host,
                port == null ? d.port() : port.intValue(),
                keepalive,
                streams == null ? d.maxStreams() : streams.intValue(),
                perMinute == null ? d.requestsPerMinute() : perMinute.intValue(),
                maxBody == null ? d.maxBodyBytes() : maxBody.longValue());
    }

    private ConfigFile.ServerTable server(JsonNode node) {
        if (node == null) {
            return ConfigFile.ServerTable.NONE;
        }
        table(node, "server");
        checkKeys(node, SERVER, "server.");
        return new ConfigFile.ServerTable(string(node, "url", "server."), string(node, "token", "server."),
                string(node, "token_cmd", "server."));
    }

    private Map<String, Profile> profiles(JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        table(node, "profiles");
        Map<String, Profile> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String prefix = "profiles." + e.getKey() + ".";
            JsonNode p = e.getValue();
            table(p, "profiles." + e.getKey());
            checkKeys(p, PROFILE, prefix);
            out.put(e.getKey(), new Profile(e.getKey(), string(p, "base_url", prefix), string(p, "api_key", prefix),
                    string(p, "api_key_cmd", prefix), string(p, "model", prefix), stringList(p, "models", prefix),
                    prices(p.get("prices"), prefix + "prices")));
        }
        return out;
    }

    private Map<String, AssistantRole> roles(JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        table(node, "roles");
        Map<String, AssistantRole> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = "roles." + quoteKey(e.getKey());
            JsonNode r = e.getValue();
            table(r, name);
            checkKeys(r, ROLE, name + ".");
            String system = string(r, "system", name + ".");
            if (system == null || system.isBlank()) {
                throw problem(name + ".system is needed: the role's instructions to the model");
            }
            String model = string(r, "model", name + ".");
            if (model != null && model.isBlank()) {
                throw problem(name + ".model must not be empty");
            }
            Double temperature = number(r, "temperature", name + ".");
            if (temperature != null && !RequestDefaults.validTemperature(temperature)) {
                throw problem(name + ".temperature must be between 0 and 2, not " + temperature);
            }
            out.put(e.getKey(), new AssistantRole(e.getKey(), system, model, temperature, false));
        }
        return out;
    }

    /**
     * {@code [context_windows]}: model name = tokens. A table of its own, not
     * {@code [models."NAME"]}, because {@code models} is already the list of names to pick from.
     */
    private Map<String, Long> contextWindows(JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        table(node, "context_windows");
        Map<String, Long> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.canConvertToExactIntegral() || v.asLong() < 1) {
                throw problem("context_windows." + quoteKey(e.getKey()) + " must be a whole number of tokens, at least 1");
            }
            out.put(e.getKey(), v.asLong());
        }
        return out;
    }

    private Map<String, Price> prices(JsonNode node, String name) {
        if (node == null) {
            return Map.of();
        }
        table(node, name);
        Map<String, Price> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String prefix = name + "." + quoteKey(e.getKey()) + ".";
            JsonNode p = e.getValue();
            table(p, name + "." + quoteKey(e.getKey()));
            checkKeys(p, PRICE, prefix);
            Double in = number(p, "input", prefix);
            Double outPrice = number(p, "output", prefix);
            if (in == null || outPrice == null) {
                throw problem(prefix + "input and " + prefix + "output are both needed ($ per million tokens)");
            }
            out.put(e.getKey(), new Price(in, outPrice));
        }
        return out;
    }

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : '"' + key + '"';
    }

    private void table(JsonNode node, String name) {
        if (!node.isObject()) {
            throw problem(name + " must be a table");
        }
    }

    private void checkKeys(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw problem("unknown key '" + prefix + key + "'");
            }
        }
    }

    private String string(JsonNode node, String key, String prefix) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw problem(prefix + key + " must be a string");
        }
        return v.asText();
    }

    private boolean bool(JsonNode node, String key, String prefix) {
        JsonNode v = node.get(key);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw problem(prefix + key + " must be true or false");
        }
        return v.asBoolean();
    }

    private Double number(JsonNode node, String key, String prefix) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw problem(prefix + key + " must be a number");
        }
        return v.asDouble();
    }

    private List<String> stringList(JsonNode node, String key, String prefix) {
        JsonNode v = node.get(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw problem(prefix + key + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw problem(prefix + key + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return List.copyOf(out);
    }

    private Duration duration(JsonNode node, String key, Duration fallback) {
        return duration(node, key, "retry.", fallback);
    }

    private Duration duration(JsonNode node, String key, String prefix, Duration fallback) {
        String text = string(node, key, prefix);
        if (text == null) {
            return fallback;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw problem(prefix + key + ": " + e.getMessage());
        }
    }

    private ConfigException problem(String what) {
        return new ConfigException("config " + path + ": " + what);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed TOML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
