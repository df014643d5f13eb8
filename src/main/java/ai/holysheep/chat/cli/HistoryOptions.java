package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.Origin;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.HistoryLocation;
import ai.holysheep.chat.store.SchemaTooNewException;
import ai.holysheep.chat.store.StoreException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Where conversations are saved, and which one a one-shot question continues. */
public final class HistoryOptions {
    @Option(names = "--history-db", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "The history database (default: $XDG_DATA_HOME/holysheep-chat/history.db).")
    Path historyDb;

    @Option(names = "--no-save", description = "Do not save this conversation (with -c or --conversation: "
            + "ask with a saved conversation as context without adding to it).")
    boolean noSave;

    @Option(names = {"-c", "--continue"},
            description = "Continue the most recent conversation: its earlier messages are sent as context.")
    boolean continueRecent;

    @Option(names = "--conversation", paramLabel = "ID",
            description = "Continue the saved conversation with this id (see: conversations list).")
    String conversation;

    /**
     * The database file. A directory made for a {@code --history-db} path is told once, on
     * stderr: it may come from a typo, and it now holds private conversations. (The default
     * location's directory is documented; making it is no news.)
     */
    Path database(Io io) {
        if (historyDb == null) {
            return HistoryLocation.defaultDatabase(io.env());
        }
        try {
            HistoryLocation.createParentDirectories(historyDb)
                    .ifPresent(made -> io.error("created directory " + made + " (readable by you alone) for the history database"));
        } catch (StoreException e) {
            // Opening the store meets the same problem and reports it the way saving problems are.
        }
        return historyDb;
    }

    /**
     * The session a one-shot question runs in. The database opens in the background, so a new
     * conversation's request is not held up by it; continuing one has to wait, for its context.
     */
    ChatSession session(Settings settings, Io io) {
        return session(settings, io, warning -> io.error("warning: " + warning));
    }

    /** As {@link #session(Settings, Io)}, with saving problems going to {@code warn}. */
    ChatSession session(Settings settings, Io io, java.util.function.Consumer<String> warn) {
        if (continueRecent && conversation != null) {
            throw new CliException(ExitCode.USAGE, "--continue and --conversation cannot be used together");
        }
        boolean continuing = continueRecent || conversation != null;
        if (noSave && !continuing) {
            return ChatSession.unsaved(settings);
        }
        ChatSession session = ChatSession.saved(settings,
                ConversationStore.openAsync(database(io), HistoryLocation.nativeLibraryCache(io.env())), warn);
        if (!continuing) {
            return session;
        }
        try {
            Optional<Conversation> found = continueRecent ? session.continueMostRecent() : session.load(id());
            if (found.isEmpty()) {
                throw continueRecent
                        ? new CliException(ExitCode.USAGE, "no saved conversation to continue")
                        : unknownConversation();
            }
            // A model chosen on the command line (or by its role) wins; otherwise the conversation keeps its own.
            Origin model = settings.origins().get("model");
            if (model == Origin.FLAG || model == Origin.ROLE) {
                session.switchModel(settings.model());
            }
            if (noSave) {
                // Asked with the saved conversation as context; this turn is not added to it.
                ChatSession unsaved = session.withoutSaving();
                session.close();
                return unsaved;
            }
            return session;
        } catch (SchemaTooNewException e) {
            session.close();
            throw new CliException(ExitCode.USAGE, e.getMessage());
        } catch (StoreException e) {
            session.close();
            throw new CliException(ExitCode.UNEXPECTED, "cannot continue: " + e.getMessage());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private long id() {
        try {
            return Long.parseLong(conversation.strip());
        } catch (NumberFormatException e) {
            throw unknownConversation();
        }
    }

    private CliException unknownConversation() {
        return new CliException(ExitCode.USAGE, "no conversation '" + TerminalText.oneLine(conversation)
                + "' (see: holysheep-chat conversations list)");
    }
}
