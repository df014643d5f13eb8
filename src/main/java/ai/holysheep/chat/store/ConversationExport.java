package ai.holysheep.chat.store;

import java.util.List;

/** A conversation with all its messages, as exported to JSON and read back. */
public record ConversationExport(int format, Conversation conversation, List<StoredMessage> messages) {
    /** Bumped when the JSON layout changes incompatibly. */
    public static final int FORMAT_VERSION = 1;

    public ConversationExport {
        messages = List.copyOf(messages);
    }
}
