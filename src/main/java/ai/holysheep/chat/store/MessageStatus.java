package ai.holysheep.chat.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How far a message got. Only an assistant answer can be anything but {@link #COMPLETE}. */
public enum MessageStatus {
    COMPLETE,
    /** Still streaming, or the process died while it was: the text is what had arrived so far. */
    PARTIAL,
    CANCELLED,
    ERROR;

    /** The word stored in the database and written in exports. */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static MessageStatus fromWord(String word) {
        for (MessageStatus status : values()) {
            if (status.word().equals(word)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown message status: " + word);
    }
}
