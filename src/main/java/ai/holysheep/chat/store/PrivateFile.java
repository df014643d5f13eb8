package ai.holysheep.chat.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates a database file readable by its owner only, before SQLite does (SQLite would make it
 * with the umask's permissions, usually world-readable). SQLite gives its -wal and -shm files the
 * main file's permissions, so they are private too.
 */
final class PrivateFile {
    private PrivateFile() {
    }

    static void create(Path file) {
        if (Files.exists(file) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            // Another process made it first, with the same care.
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }
}
