package ai.holysheep.chat.tui;

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
}
