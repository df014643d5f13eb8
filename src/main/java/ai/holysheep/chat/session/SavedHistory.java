package ai.holysheep.chat.session;

import ai.holysheep.chat.store.Conversation;
import java.util.List;
import java.util.Optional;

/**
 * The conversations saved so far, to list, search and read without changing any session. Each
 * call waits for the store to open; none takes a session's lock, so a screen can browse them on
 * another thread while a turn runs.
 */
public final class SavedHistory {
    private final HistoryBinding binding;

    SavedHistory(HistoryBinding binding) {
        this.binding = binding;
    }

    /**
     * Saved conversations, newest activity first.
     *
     * @throws ai.holysheep.chat.store.StoreException when the history database cannot be used
     */
    public List<Conversation> list(int limit) {
        return binding.require().listConversations(limit);
    }

    /** Saved conversations whose title or any message contains {@code text}, newest first; as {@link #list}. */
    public List<Conversation> search(String text) {
        return binding.require().search(text);
    }

    /** A saved conversation and all its messages, read in one snapshot; empty when there is no such one. */
    public Optional<SavedConversation> read(long id) {
        return binding.require().snapshot(id).map(s -> new SavedConversation(s.conversation(), s.messages()));
    }

    /** The conversation with the latest activity; empty when none is saved. */
    Optional<Conversation> mostRecent() {
        return binding.require().mostRecent();
    }
}
