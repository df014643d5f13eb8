/**
 * What the user configured: the TOML file, environment and command-line flags, merged into plain
 * values that the rest of the program takes as given.
 *
 * <p>What it offers:
 * <ul>
 *   <li>{@link ai.holysheep.chat.config.ConfigLoader}: the effective {@link ai.holysheep.chat.config.Settings},
 *       each value with its {@link ai.holysheep.chat.config.Origin}, and which key goes to which gateway
 *       ({@link ai.holysheep.chat.config.KeyRoute})</li>
 *   <li>{@link ai.holysheep.chat.config.ConfigFileReader}, {@link ai.holysheep.chat.config.ConfigFile}: the file
 *       alone, for commands that need only its tables</li>
 *   <li>{@link ai.holysheep.chat.config.Overrides}, {@link ai.holysheep.chat.config.RetryOverrides}: what flags
 *       said (null where not given)</li>
 *   <li>{@link ai.holysheep.chat.config.RequestDefaults}, {@link ai.holysheep.chat.config.RetrySettings},
 *       {@link ai.holysheep.chat.config.ResumeMode}, {@link ai.holysheep.chat.config.ProxySettings},
 *       {@link ai.holysheep.chat.config.Price}, {@link ai.holysheep.chat.config.AssistantRole}: parts of the
 *       settings</li>
 *   <li>{@link ai.holysheep.chat.config.AttachSettings}: how much may be attached, and which models take images</li>
 *   <li>{@link ai.holysheep.chat.config.ServerSettings}, {@link ai.holysheep.chat.config.ServeLimits}: a member's
 *       relay, and a relay's limits</li>
 *   <li>{@link ai.holysheep.chat.config.Secret}: a key or token whose {@code toString} is masked</li>
 *   <li>{@link ai.holysheep.chat.config.Durations}: {@code 500ms}, {@code 2s}, {@code 7d} as written by people</li>
 *   <li>{@link ai.holysheep.chat.config.ConfigException}, {@link ai.holysheep.chat.config.KeyCommandTimeout}: a
 *       configuration that cannot be used, in one line for the user</li>
 * </ul>
 *
 * <p>Rules it keeps: it uses no other package of the project; unknown keys in the file are
 * errors; a key is sent only to the gateway it was configured for; a key command that runs out
 * of time has its whole process tree ended. Profiles, roles, file permissions and key commands
 * are read here and handed on only as settings.
 */
package ai.holysheep.chat.config;
