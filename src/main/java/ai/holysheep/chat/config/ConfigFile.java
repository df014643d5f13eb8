package ai.holysheep.chat.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one config file says, before precedence is applied. Any field may be null (not set),
 * except {@code apiKeyCmdTimeout}, which has its default; {@code path} is null when there was no
 * file at all.
 */
public record ConfigFile(
        Path path,
        String model,
        String baseUrl,
        String apiKey,
        String apiKeyCmd,
        Duration apiKeyCmdTimeout,
        String profile,
        RequestDefaults request,
        RetrySettings retry,
        Map<String, Price> prices,
        List<String> models,
        Map<String, Profile> profiles,
        String proxy,
        boolean proxyLoopback,
        ServeLimits serve,
        Map<String, AssistantRole> roles,
        ServerTable server,
        Map<String, Long> contextWindows,
        Long maxAttach,
        List<String> imageModels) {

    /** The {@code [server]} table as written: any field may be null. */
    record ServerTable(String url, String token, String tokenCmd) {
        static final ServerTable NONE = new ServerTable(null, null, null);
    }

    public static ConfigFile none() {
        return new ConfigFile(null, null, null, null, null, KeyCommand.DEFAULT_LIMIT, null, RequestDefaults.NONE,
                RetrySettings.DEFAULTS, Map.of(), List.of(), Map.of(), null, false, ServeLimits.DEFAULTS,
                Map.of(), ServerTable.NONE, Map.of(), null, List.of());
    }

    /** Whether the file names a key or a member token, which makes its permissions matter. */
    public boolean holdsKey() {
        return apiKey != null || server.token() != null || profiles.values().stream().anyMatch(p -> p.apiKey() != null);
    }
}
