package ai.holysheep.chat.config;

/** The configuration cannot be used; the message is one line meant for the user. */
public class ConfigException extends RuntimeException {
    ConfigException(String message) {
        super(message, null, false, false);
    }
}
