/**
 * What is kept on disk: the history of conversations, and a team relay's members, rooms and
 * accounting, each in its own SQLite file.
 *
 * <p>What it offers:
 * <ul>
 *   <li>{@link ai.holysheep.chat.store.ConversationStore}: saved conversations, one writer thread per file</li>
 *   <li>{@link ai.holysheep.chat.store.Conversation}, {@link ai.holysheep.chat.store.StoredMessage},
 *       {@link ai.holysheep.chat.store.Role}, {@link ai.holysheep.chat.store.MessageStatus}: what is saved</li>
 *   <li>{@link ai.holysheep.chat.store.AssistantDraft}: an answer saved while it streams</li>
 *   <li>{@link ai.holysheep.chat.store.AnswerUsage}: the tokens and cost of one saved answer</li>
 *   <li>{@link ai.holysheep.chat.store.ConversationExport}, {@link ai.holysheep.chat.store.ExportFormat},
 *       {@link ai.holysheep.chat.store.Exports}: a conversation written out as Markdown or JSON, and the
 *       JSON read back</li>
 *   <li>{@link ai.holysheep.chat.store.Titles}: a conversation's title from its first prompt</li>
 *   <li>{@link ai.holysheep.chat.store.TeamStore}: the relay's file, with
 *       {@link ai.holysheep.chat.store.TeamMember}, {@link ai.holysheep.chat.store.StoredRoom},
 *       {@link ai.holysheep.chat.store.RoomMessage}, {@link ai.holysheep.chat.store.RelayedRequest} and
 *       {@link ai.holysheep.chat.store.UsageTotal}</li>
 *   <li>{@link ai.holysheep.chat.store.HistoryLocation}, {@link ai.holysheep.chat.store.NativeLibraryCache}:
 *       where the files and SQLite's native library live</li>
 *   <li>{@link ai.holysheep.chat.store.StoreException}, {@link ai.holysheep.chat.store.SchemaTooNewException}:
 *       a file that cannot be used, the second left untouched because a newer version wrote it</li>
 * </ul>
 *
 * <p>Rules it keeps: it is the only user of {@code java.sql} and SQLite; of the project it uses only
 * {@code render} (an export's markdown headings); schema changes are numbered migrations, and a
 * file from a newer schema is refused, never rewritten; a member's token is kept only as a hash.
 */
package ai.holysheep.chat.store;
