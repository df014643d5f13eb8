package ai.holysheep.chat.attach;

/** A file that cannot be attached: its message is the one line the user is shown. */
public final class AttachException extends RuntimeException {
    AttachException(String message) {
        super(message, null, false, false);
    }
}
