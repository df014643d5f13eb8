package ai.holysheep.chat.config;

import java.nio.file.Path;

/** Settings given on the command line; null means the flag was not given. */
public record Overrides(
        Path config,
        String profile,
        String baseUrl,
        String model,
        String system,
        Double temperature,
        Integer maxTokens,
        RetryOverrides retry,
        String role) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null);

    /** Without retry flags. */
    public Overrides(Path config, String profile, String baseUrl, String model, String system, Double temperature,
                     Integer maxTokens) {
        this(config, profile, baseUrl, model, system, temperature, maxTokens, RetryOverrides.NONE, null);
    }

    public Overrides withRetry(RetryOverrides flags) {
        return new Overrides(config, profile, baseUrl, model, system, temperature, maxTokens, flags, role);
    }

    /** With {@code -r NAME}: the role's system prompt, model and temperature, below the flags that set them. */
    public Overrides withRole(String name) {
        return new Overrides(config, profile, baseUrl, model, system, temperature, maxTokens, retry, name);
    }
}
