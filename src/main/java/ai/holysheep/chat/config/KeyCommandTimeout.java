package ai.holysheep.chat.config;

import java.time.Duration;

/**
 * {@code api_key_cmd} did not finish within {@code api_key_cmd_timeout}; its process tree has
 * been ended. A configuration error of its own kind, so a script can tell a password manager
 * waiting for a passphrase nobody types from a mistyped setting.
 */
public final class KeyCommandTimeout extends ConfigException {
    KeyCommandTimeout(Duration limit) {
        super("api_key_cmd did not finish within " + Durations.format(limit)
                + " and was stopped; raise api_key_cmd_timeout in the config if it needs longer");
    }
}
