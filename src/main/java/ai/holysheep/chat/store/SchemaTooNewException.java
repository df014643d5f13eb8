package ai.holysheep.chat.store;

import java.nio.file.Path;

/** The file was written by a newer holysheep-chat; it is left exactly as it was. */
public final class SchemaTooNewException extends StoreException {
    SchemaTooNewException(Path file, int fileVersion, int knownVersion) {
        super("history database " + file + " has schema version " + fileVersion
                + " but this holysheep-chat knows only up to " + knownVersion
                + "; upgrade holysheep-chat or point --history-db elsewhere");
    }
}
