package ai.holysheep.chat.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps one copy of SQLite's native library in the user's cache directory and points the driver
 * at it. Left to itself, sqlite-jdbc writes the library (about a megabyte) to a new file in the
 * temporary directory on every start and reads it back to compare, which was a large share of
 * the work a short one-shot did besides talking to the gateway. The copy is named after the
 * library entry's checksum, so a different driver version gets its own copy. Whenever the copy
 * cannot be used (or could have been written by another user), nothing is changed and the driver
 * extracts its own as before.
 */
public final class NativeLibraryCache {
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private NativeLibraryCache() {
    }

    /**
     * Points the driver at the copy in {@code directory}, making it first if needed. Does nothing
     * when the driver has already been told where its library is.
     */
    public static synchronized void use(Path directory) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return;
        }
        cachedCopy(directory).ifPresent(copy -> {
            System.setProperty(PATH_PROPERTY, copy.getParent().toString());
            System.setProperty(NAME_PROPERTY, copy.getFileName().toString());
        });
    }

    /** The copy of the driver's library for this platform in {@code directory}, made if missing. */
    static Optional<Path> cachedCopy(Path directory) {
        String name = LibraryLoaderUtil.getNativeLibName();
        URL resource = NativeLibraryCache.class.getResource(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (resource == null) {
            return Optional.empty();
        }
        try {
            URLConnection connection = resource.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return Optional.empty();
            }
            // The entry's checksum and size come from the jar's directory: nothing is inflated.
            JarEntry entry = jar.getJarEntry();
            if (entry.getCrc() < 0 || entry.getSize() < 0) {
                return Optional.empty();
            }
            int dot = name.lastIndexOf('.');
            String copyName = dot < 0 ? name + "-" + Long.toHexString(entry.getCrc())
                    : name.substring(0, dot) + "-" + Long.toHexString(entry.getCrc()) + name.substring(dot);
            Path copy = directory.resolve(copyName).toAbsolutePath();
            HistoryLocation.createParentDirectories(copy);
            // Code is loaded from here: a directory or copy that someone else could have written
            // (a shared XDG_CACHE_HOME, say) is not used at all.
            if (!onlyOursToWrite(copy.getParent())) {
                return Optional.empty();
            }
            if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS) || !onlyOursToWrite(copy)) {
                    return Optional.empty();
                }
                if (Files.size(copy) == entry.getSize()) {
                    return Optional.of(copy);
                }
            }
            // Written aside and moved into place, so a concurrent run never loads half a file.
            Path partial = Files.createTempFile(copy.getParent(), copyName, ".tmp");
            try {
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.size(partial) != entry.getSize()) {
                    return Optional.empty();
                }
                moveIntoPlace(partial, copy);
            } finally {
                Files.deleteIfExists(partial);
            }
            return Optional.of(copy);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Owned by this user and writable by no one else (where the file system says so). */
    private static boolean onlyOursToWrite(Path path) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> permissions = attributes.permissions();
        return attributes.owner().getName().equals(System.getProperty("user.name"))
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static void moveIntoPlace(Path partial, Path copy) throws IOException {
        try {
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
