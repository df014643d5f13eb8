package ai.holysheep.chat.tui;

import ai.holysheep.chat.session.SavedConversation;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.stream.StreamEvent;
import java.util.List;

/** Something that happened off the UI thread; queued, and handled by the UI thread alone. */
sealed interface UiEvent {
    /** An event of turn number {@code turn}; events of a turn already replaced are dropped. */
    record FromTurn(long turn, StreamEvent event) implements UiEvent {
    }

    record ModelsListed(List<String> ids) implements UiEvent {
    }

    record ModelsUnavailable(String reason) implements UiEvent {
    }

    /** A line for the transcript, from work done in the background (copying to the clipboard). */
    record Note(String text, boolean problem) implements UiEvent {
    }

    /** The saved conversations for the history list, newest first. */
    record HistoryListed(List<Conversation> conversations) implements UiEvent {
    }

    record HistoryUnavailable(String reason) implements UiEvent {
    }

    /** Conversations whose messages contain {@code query}. */
    record HistorySearched(String query, List<Conversation> hits) implements UiEvent {
    }

    /** A saved conversation read for the screen; {@code resume}: continue it, else only show it (already continued). */
    record ConversationRead(SavedConversation saved, boolean resume) implements UiEvent {
    }

    /** Reading a conversation to continue has ended, whether it arrived or not. */
    record OpeningEnded() implements UiEvent {
    }
}
