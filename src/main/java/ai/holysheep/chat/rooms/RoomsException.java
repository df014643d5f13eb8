package ai.holysheep.chat.rooms;

/** A rooms request that did not work, with a one-line message fit to show as is. */
public final class RoomsException extends RuntimeException {
    /** What went wrong, as far as what the user can do about it goes. */
    public enum Kind {
        /** The member token was refused (401). */
        AUTH,
        /** No such room. */
        NOT_FOUND,
        /** The relay refused the request or message itself: a bad name, a room that exists, a limit. */
        REJECTED,
        /** The relay could not be reached, or failed, or answered with something not a relay's. */
        UNAVAILABLE
    }

    private final Kind kind;

    public RoomsException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
