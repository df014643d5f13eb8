package ai.holysheep.chat.tui;

import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.session.SavedConversation;
import ai.holysheep.chat.session.SavedHistory;
import ai.holysheep.chat.store.Conversation;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The saved history inside the chat: the list of conversations (F3, /history), opening one to
 * continue it, and the current conversation's title (/title). The database is only touched on
 * the background executor, whose results come back as {@link UiEvent}s, so a slow disk or a
 * database still opening never freezes the screen.
 */
final class Conversations {
    private static final int LISTED = 500;

    private final HistoryTarget ui;
    private final ChatSession session;
    /** Null when the session saves nothing (--no-save). */
    private final SavedHistory history;
    private final Executor background;
    private final Consumer<UiEvent> post;
    private final ZoneId zone;
    /** The open history window, or null. */
    HistoryList list;
    private boolean opening;
    private String title;

    Conversations(HistoryTarget ui, ChatSession session, Executor background, Consumer<UiEvent> post, ZoneId zone) {
        this.ui = ui;
        this.session = session;
        this.history = session.savedHistory().orElse(null);
        this.background = background;
        this.post = post;
        this.zone = zone;
        this.title = session.title().orElse(null);
    }

    /** The current conversation's title, or null before the first question names it. */
    String title() {
        return title;
    }

    /** True while a chosen conversation is being read: a question now would go to the wrong one. */
    boolean opening() {
        return opening;
    }

    /** Shows what a conversation continued from the command line (-c) already holds. */
    void showContinued() {
        session.conversationId().ifPresent(id -> read(id, false));
    }

    void openList() {
        if (history == null) {
            ui.note("Conversations are not being saved (--no-save), so there is no history to show.", true);
            return;
        }
        list = new HistoryList(zone);
        background.execute(() -> {
            try {
                post.accept(new UiEvent.HistoryListed(history.list(LISTED)));
            } catch (RuntimeException e) {
                post.accept(new UiEvent.HistoryUnavailable(reason(e)));
            }
        });
    }

    void closeList() {
        list = null;
    }

    /** After the filter changed: titles are matched at once, the messages searched in the background. */
    void filterChanged() {
        String query = list.filter();
        if (query.isBlank()) {
            return;
        }
        background.execute(() -> {
            try {
                post.accept(new UiEvent.HistorySearched(query, history.search(query)));
            } catch (RuntimeException e) {
                // Title matches are still listed; a failed search of the texts only adds nothing.
            }
        });
    }

    /** Enter in the list: reads the selected conversation and continues it once it arrives. */
    void openSelected() {
        Conversation chosen = list.selectedConversation();
        list = null;
        if (chosen == null) {
            return;
        }
        if (ui.turnRunning()) {
            ui.note("An answer is still coming; Esc stops it, then open the conversation.", true);
            return;
        }
        read(chosen.id(), true);
    }

    /** {@code /title TEXT}: shown at once, saved in the background. */
    void rename(String text) {
        String newTitle = text.replaceAll("\\s+", " ").strip();
        if (newTitle.isEmpty()) {
            ui.note("Usage: /title TEXT names the current conversation" + (title == null ? "." : " (now: " + title + ")."), true);
            return;
        }
        title = newTitle;
        background.execute(() -> {
            try {
                session.rename(newTitle);
            } catch (RuntimeException e) {
                post.accept(new UiEvent.Note("Could not save the title: " + reason(e), true));
            }
        });
        ui.note("Title: " + newTitle, false);
    }

    /** After a question: the first one names the conversation. */
    void asked() {
        if (title == null) {
            title = session.title().orElse(null);
        }
    }

    void started() {
        title = null;
    }

    /** Handles the history's events; false for any other event. */
    boolean handle(UiEvent e) {
        if (e instanceof UiEvent.HistoryListed l) {
            if (list != null) {
                list.listed(l.conversations());
            }
        } else if (e instanceof UiEvent.HistoryUnavailable u) {
            if (list != null) {
                list.unavailable(u.reason());
            }
        } else if (e instanceof UiEvent.HistorySearched s) {
            if (list != null) {
                list.searched(s.query(), s.hits());
            }
        } else if (e instanceof UiEvent.ConversationRead r) {
            show(r.saved(), r.resume());
        } else if (e instanceof UiEvent.OpeningEnded) {
            opening = false;
        } else {
            return false;
        }
        return true;
    }

    private void read(long id, boolean resume) {
        opening = resume;
        background.execute(() -> {
            try {
                Optional<SavedConversation> found = history.read(id);
                if (found.isPresent()) {
                    post.accept(new UiEvent.ConversationRead(found.get(), resume));
                } else {
                    post.accept(new UiEvent.Note("Conversation " + id + " is gone (deleted elsewhere?).", true));
                }
            } catch (RuntimeException e) {
                post.accept(new UiEvent.Note("Could not open conversation " + id + ": " + reason(e), true));
            }
            if (resume) {
                post.accept(new UiEvent.OpeningEnded());
            }
        });
    }

    private void show(SavedConversation saved, boolean resume) {
        if (resume) {
            if (ui.turnRunning()) {
                ui.note("An answer is still coming; the conversation was not opened.", true);
                return;
            }
            session.resume(saved);
        }
        Conversation c = saved.conversation();
        title = c.title();
        ui.showTranscript(Transcript.entries(saved), session.model());
        ui.note("Continuing \"" + c.title() + "\" (" + c.messageCount() + " messages) with " + session.model()
                + ": the next question carries this conversation as context.", false);
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
