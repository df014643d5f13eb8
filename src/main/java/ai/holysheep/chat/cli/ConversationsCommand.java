package ai.holysheep.chat.cli;

import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.ExportFormat;
import ai.holysheep.chat.store.HistoryLocation;
import ai.holysheep.chat.store.MessageStatus;
import ai.holysheep.chat.store.NativeLibraryCache;
import ai.holysheep.chat.store.Role;
import ai.holysheep.chat.store.SchemaTooNewException;
import ai.holysheep.chat.store.StoreException;
import ai.holysheep.chat.store.StoredMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Saved conversations from the command line. Lines start with the conversation's id, the
 * number other commands take. When stdout is not a terminal the list is tab-separated, one
 * conversation per line, with UTC ISO-8601 times, so scripts can rely on it.
 */
@Command(name = "conversations", aliases = "conv", mixinStandardHelpOptions = true,
        description = "List, show, export, search and delete saved conversations (no subcommand: list).",
        subcommands = {
            ConversationsCommand.ListCommand.class,
            ConversationsCommand.ShowCommand.class,
            ConversationsCommand.ExportCommand.class,
            ConversationsCommand.DeleteCommand.class,
            ConversationsCommand.SearchCommand.class
        })
public final class ConversationsCommand implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int TITLE_COLUMNS = 50;
    private static final int DEFAULT_LIMIT = 20;

    private final Io io;

    /** {@code --history-db} is the root command's, inherited here so either position works. */
    @ParentCommand
    RootCommand root;

    public ConversationsCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        return withStore(store -> printList(store.listConversations(DEFAULT_LIMIT)));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Recent conversations, newest first.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        ConversationsCommand parent;

        @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
                description = "How many to list. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new CliException(ExitCode.USAGE, "--limit must be at least 1");
            }
            return parent.withStore(store -> parent.printList(store.listConversations(limit)));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a conversation.")
    static final class ShowCommand implements Callable<Integer> {
        @ParentCommand
        ConversationsCommand parent;

        @Parameters(paramLabel = "ID", description = "The conversation's id, as listed.")
        String id;

        @Override
        public Integer call() {
            return parent.withStore(store -> {
                long known = parent.existing(store, id);
                parent.printConversation(store.conversation(known).orElseThrow(), store.messages(known));
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a conversation to stdout as Markdown or JSON (JSON keeps statuses and usage).")
    static final class ExportCommand implements Callable<Integer> {
        enum Format { md, json }

        @ParentCommand
        ConversationsCommand parent;

        @Parameters(paramLabel = "ID", description = "The conversation's id, as listed.")
        String id;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
                description = "md or json. Default: ${DEFAULT-VALUE}.")
        Format format;

        @Override
        public Integer call() {
            return parent.withStore(store -> {
                long known = parent.existing(store, id);
                String text = store.export(known, format == Format.json ? ExportFormat.JSON : ExportFormat.MARKDOWN)
                        .orElseThrow(() -> parent.unknown(id));
                // Markdown is for a person, who will `cat` the file: never a raw control sequence in
                // it. JSON keeps the exact text, its controls escaped as JSON escapes them.
                parent.io.out().print(format == Format.json ? text : TerminalText.sanitize(text));
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a conversation and its messages.")
    static final class DeleteCommand implements Callable<Integer> {
        @ParentCommand
        ConversationsCommand parent;

        @Parameters(paramLabel = "ID", description = "The conversation's id, as listed.")
        String id;

        @Override
        public Integer call() {
            return parent.withStore(store -> {
                long known = parent.existing(store, id);
                if (!store.delete(known)) {
                    throw parent.unknown(id);
                }
                parent.io.out().println("deleted " + known);
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Conversations whose title or messages contain TEXT (ASCII letters match either case).")
    static final class SearchCommand implements Callable<Integer> {
        @ParentCommand
        ConversationsCommand parent;

        @Parameters(paramLabel = "TEXT", description = "What to look for.")
        String text;

        @Override
        public Integer call() {
            return parent.withStore(store -> parent.printList(store.search(text)));
        }
    }

    /** Opens the store for one command and turns its failures into one-line errors. */
    int withStore(Function<ConversationStore, Integer> work) {
        return withStore(root, work);
    }

    /** Runs {@code work} on the history database the command line names, its problems as one-line errors. */
    static int withStore(RootCommand root, Function<ConversationStore, Integer> work) {
        Io io = root.io();
        Path file = root.history.database(io);
        NativeLibraryCache.use(HistoryLocation.nativeLibraryCache(io.env()));
        try (ConversationStore store = ConversationStore.open(file)) {
            int status = work.apply(store);
            io.out().flush();
            return status;
        } catch (SchemaTooNewException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        } catch (StoreException e) {
            throw new CliException(ExitCode.UNEXPECTED, e.getMessage());
        }
    }

    long existing(ConversationStore store, String id) {
        try {
            long parsed = Long.parseLong(id.strip());
            if (store.conversation(parsed).isPresent()) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Falls through to the same message: to the user it is just an id that does not exist.
        }
        throw unknown(id);
    }

    CliException unknown(String id) {
        return new CliException(ExitCode.USAGE,
                "no conversation '" + TerminalText.oneLine(id) + "' (see: holysheep-chat conversations list)");
    }

    int printList(List<Conversation> conversations) {
        if (!io.stdoutIsTerminal()) {
            for (Conversation c : conversations) {
                io.out().println(String.join("\t", String.valueOf(c.id()), TerminalText.oneLine(c.title()),
                        c.model() == null ? "-" : TerminalText.oneLine(c.model()),
                        String.valueOf(c.messageCount()), c.updatedAt().toString()));
            }
            return ExitCode.OK;
        }
        List<String[]> rows = conversations.stream().map(c -> new String[] {
            String.valueOf(c.id()),
            TerminalText.fit(TerminalText.oneLine(c.title()), TITLE_COLUMNS),
            c.model() == null ? "-" : TerminalText.oneLine(c.model()),
            c.messageCount() == 1 ? "1 message" : c.messageCount() + " messages",
            localTime(c.updatedAt())
        }).toList();
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], TerminalText.width(row[i]));
            }
        }
        for (String[] row : rows) {
            io.out().println((TerminalText.padLeft(row[0], widths[0]) + "  "
                    + TerminalText.padRight(row[1], widths[1]) + "  "
                    + TerminalText.padRight(row[2], widths[2]) + "  "
                    + TerminalText.padLeft(row[3], widths[3]) + "  " + row[4]));
        }
        return ExitCode.OK;
    }

    void printConversation(Conversation c, List<StoredMessage> messages) {
        io.out().println(c.id() + "  " + TerminalText.oneLine(c.title()));
        io.out().println((c.model() == null ? "" : TerminalText.oneLine(c.model()) + " · ")
                + (messages.size() == 1 ? "1 message" : messages.size() + " messages")
                + " · " + time(c.updatedAt()));
        for (StoredMessage m : messages) {
            io.out().println();
            io.out().println(speaker(m) + ":");
            String text = TerminalText.sanitize(m.content());
            io.out().println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        }
    }

    private static String speaker(StoredMessage m) {
        if (m.role() == Role.USER) {
            return "you";
        }
        StringBuilder who = new StringBuilder(m.role() == Role.ASSISTANT ? "assistant" : "system");
        if (m.model() != null) {
            who.append(" (").append(TerminalText.oneLine(m.model())).append(')');
        }
        if (m.status() != MessageStatus.COMPLETE) {
            who.append(" [").append(m.status().word())
                    .append(m.status() == MessageStatus.PARTIAL ? ": interrupted before it finished" : "")
                    .append(']');
        }
        if (m.replaced()) {
            who.append(" [replaced: the question was asked again]");
        }
        return who.toString();
    }

    private String time(Instant instant) {
        return io.stdoutIsTerminal() ? localTime(instant) : instant.toString();
    }

    private static String localTime(Instant instant) {
        return LOCAL_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }
}
