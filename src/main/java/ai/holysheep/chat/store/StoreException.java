package ai.holysheep.chat.store;

/**
 * The history database could not be read or written. Unchecked so callers outside this package
 * never see {@code java.sql}; the message is one line fit for stderr.
 */
public class StoreException extends RuntimeException {
    StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
