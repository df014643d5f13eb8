package ai.holysheep.chat.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where the history database, and the cached copy of SQLite's native library, live by default (XDG rules). */
public final class HistoryLocation {
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private HistoryLocation() {
    }

    /**
     * {@code $XDG_DATA_HOME/holysheep-chat/history.db}, or {@code ~/.local/share/…} when the
     * variable is unset, empty or relative (the XDG spec says relative values are to be ignored).
     * The environment is a parameter so tests need not touch the real one.
     */
    public static Path defaultDatabase(Map<String, String> env) {
        return baseDirectory(env, "XDG_DATA_HOME", ".local", "share").resolve("holysheep-chat").resolve("history.db");
    }

    /** {@code $XDG_DATA_HOME/holysheep-chat/serve.db}: the team relay's members and accounts. */
    public static Path defaultTeamDatabase(Map<String, String> env) {
        return baseDirectory(env, "XDG_DATA_HOME", ".local", "share").resolve("holysheep-chat").resolve("serve.db");
    }

    /**
     * Where SQLite's native library is kept ({@link NativeLibraryCache}):
     * {@code $XDG_CACHE_HOME/holysheep-chat/native}, or {@code ~/.cache/…}, by the same rules.
     */
    public static Path nativeLibraryCache(Map<String, String> env) {
        return baseDirectory(env, "XDG_CACHE_HOME", ".cache").resolve("holysheep-chat").resolve("native");
    }

    private static Path baseDirectory(Map<String, String> env, String variable, String... underHome) {
        String value = env.get(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), underHome);
    }

    /**
     * Creates the database's missing parent directories, readable by the owner only where the
     * file system has POSIX permissions: conversations are private. Returns the directory made,
     * or empty when it was there already.
     */
    public static Optional<Path> createParentDirectories(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try {
            if (posix()) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(parent);
            }
            return Optional.of(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create directory " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a missing database file readable and writable by the owner only, before SQLite
     * would create it with the umask's permissions (usually readable by everyone). SQLite gives
     * its -wal and -shm files the database file's permissions. An existing file is left as it is.
     */
    static void createPrivateFile(Path file) {
        if (!posix() || Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (FileAlreadyExistsException e) {
            // Another process made it first: it is as private as this one would have been.
        } catch (IOException e) {
            throw new StoreException("cannot create database " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
