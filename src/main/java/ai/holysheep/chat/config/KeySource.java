package ai.holysheep.chat.config;

/**
 * Where the key for a gateway comes from, decided before the key is read or its command run, so
 * that the rule can be shown ({@code config show}) as well as followed.
 *
 * @param setting what the user wrote: {@code HOLYSHEEP_API_KEY}, {@code api_key},
 *                {@code api_key_cmd}, {@code profiles.NAME.api_key}, {@code profiles.NAME.api_key_cmd}
 * @param value   the key itself, or the command that prints it
 */
record KeySource(String setting, Origin origin, String value, boolean command) {
    static KeySource environment(String key) {
        return new KeySource("HOLYSHEEP_API_KEY", Origin.ENV, key, false);
    }

    /**
     * The key or key command a table of the file names, or null when it names neither.
     *
     * @param prefix {@code ""} for the top level, {@code "profiles.NAME."} for a profile
     */
    static KeySource inFile(String prefix, Origin origin, String key, String command) {
        if (key != null && !key.isBlank()) {
            return new KeySource(prefix + "api_key", origin, key, false);
        }
        if (command != null && !command.isBlank()) {
            return new KeySource(prefix + "api_key_cmd", Origin.KEY_COMMAND, command, true);
        }
        return null;
    }

    /** Never the value: it may be the key. */
    @Override
    public String toString() {
        return "KeySource[" + setting + "]";
    }

    /** How an error about the key names where it came from. */
    String where() {
        if (command) {
            return setting + "'s output";
        }
        return origin == Origin.ENV ? setting : setting + " in the config";
    }
}
