package ai.holysheep.chat.store;

import java.util.List;

/**
 * One step of the schema's history: the statements that take a file from {@code version - 1} to
 * {@code version}. Steps are only ever appended; a released step is never edited, because files
 * already carry its result.
 */
record Migration(int version, List<String> statements) {
}
