package ai.holysheep.chat.session;

import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.StoredMessage;
import java.util.List;

/**
 * A saved conversation read in one snapshot: what a history list opens, shows and continues.
 * {@code messages} are all of them, in order, partial and cancelled answers included.
 */
public record SavedConversation(Conversation conversation, List<StoredMessage> messages) {
    public SavedConversation {
        messages = List.copyOf(messages);
    }
}
