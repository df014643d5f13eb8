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
        RetryOverrides retry) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null);

    /** Without retry flags. */
    public Overrides(Path config, String profile, String baseUrl, String model, String system, Double temperature,
                     Integer maxTokens) {
        this(config, profile, baseUrl, model, system, temperature, maxTokens, RetryOverrides.NONE);
    }

    public Overrides withRetry(RetryOverrides flags) {
        return new Overrides(config, profile, baseUrl, model, system, temperature, maxTokens, flags);
    }
}
