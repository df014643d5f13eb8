package ai.holysheep.chat.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The effective settings for one run, after flags, environment, config file and defaults.
 *
 * @param apiKey     null when no key is configured (a local server needs none), or when the
 *                   loader left api_key_cmd unrun
 * @param apiKeySource where the key comes from, as the user wrote it ({@code HOLYSHEEP_API_KEY},
 *                   {@code api_key_cmd}, {@code profiles.NAME.api_key}, …); null when there is none
 * @param profile    the profile in effect, or null
 * @param configFile the file that was read, or null when there was none
 * @param origins    where each named setting came from ("base_url", "model", "api_key", …)
 * @param unconfigured true when nothing at all points at a gateway: no key, no base URL, no profile
 * @param proxy      the HTTP proxy requests go through, if any
 * @param roles      every role that can be picked, by name (built-in and the config file's)
 * @param contextWindows tokens each model's context holds, as far as known without asking the
 *                   gateway: the config file's {@code [context_windows]} over the built-in figures
 * @param attach     the size limit for attached files and the models that are sent images
 */
public record Settings(
        String baseUrl,
        Secret apiKey,
        String apiKeySource,
        String model,
        String profile,
        RequestDefaults request,
        RetrySettings retry,
        Map<String, Price> prices,
        List<String> models,
        Path configFile,
        Map<String, Origin> origins,
        boolean unconfigured,
        ProxySettings proxy,
        Map<String, AssistantRole> roles,
        Map<String, Long> contextWindows,
        AttachSettings attach) {

    public Optional<Price> price(String modelId) {
        return Optional.ofNullable(prices.get(modelId));
    }

    public OptionalLong contextWindow(String modelId) {
        Long window = contextWindows.get(modelId);
        return window == null ? OptionalLong.empty() : OptionalLong.of(window);
    }

    public Optional<AssistantRole> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }
}
