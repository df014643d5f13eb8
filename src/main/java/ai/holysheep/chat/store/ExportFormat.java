package ai.holysheep.chat.store;

/** What {@link ConversationStore#export} writes. */
public enum ExportFormat {
    /** For people: headings per message, reasoning as a quote. Not read back. */
    MARKDOWN,
    /** Everything, statuses and usage included; {@link Exports#readJson} reads it back. */
    JSON
}
