package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.Overrides;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options that say which gateway to talk to; shared by every command that talks to one. */
public final class ConnectionOptions {
    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "PATH", description = "Config file (default: $HOLYSHEEP_CONFIG, else $XDG_CONFIG_HOME/holysheep-chat/config.toml).")
    Path config;

    @Option(names = {"-p", "--profile"}, scope = ScopeType.INHERIT, paramLabel = "NAME", description = "Use a provider profile from the config file.")
    String profile;

    @Option(names = "--base-url", scope = ScopeType.INHERIT, paramLabel = "URL", description = "Gateway base URL including the version path (default: https://api.holysheep.ai/v1).")
    String baseUrl;

    @Option(names = {"-m", "--model"}, scope = ScopeType.INHERIT, paramLabel = "MODEL", description = "Model to ask (default: from config, else gpt-4.1).")
    String model;

    public Overrides overrides(String system, Double temperature, Integer maxTokens) {
        return new Overrides(config, profile, baseUrl, model, system, temperature, maxTokens);
    }
}
