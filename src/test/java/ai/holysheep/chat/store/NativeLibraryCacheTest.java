package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.Needs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class NativeLibraryCacheTest {
    static final String PATH = "org.sqlite.lib.path";
    static final String NAME = "org.sqlite.lib.name";

    @TempDir
    Path dir;

    @Test
    void defaultLocationFollowsXdgCacheHome() {
        assertEquals(Path.of("/cache/holysheep-chat/native"),
                HistoryLocation.nativeLibraryCache(Map.of("XDG_CACHE_HOME", "/cache", "HOME", "/home/kim")));
        assertEquals(Path.of("/home/kim/.cache/holysheep-chat/native"),
                HistoryLocation.nativeLibraryCache(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/home/kim")));
    }

    @Test
    void theCopyIsTheDriversLibraryMadeOnceInAPrivateDirectory() throws Exception {
        Path cache = dir.resolve("cache/native");
        Path copy = NativeLibraryCache.cachedCopy(cache).orElseThrow();

        assertEquals(cache.toAbsolutePath(), copy.getParent());
        assertArrayEquals(driverLibrary(), Files.readAllBytes(copy));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));

        FileTime made = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(copy, made);
        assertEquals(copy, NativeLibraryCache.cachedCopy(cache).orElseThrow());
        assertEquals(made, Files.getLastModifiedTime(copy), "an intact copy is not written again");
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(List.of(copy), files.toList(), "nothing left aside");
        }
    }

    @Test
    void aCopyOfTheWrongSizeIsReplaced() throws Exception {
        Path cache = dir.resolve("native");
        Path copy = NativeLibraryCache.cachedCopy(cache).orElseThrow();
        Files.writeString(copy, "cut short");

        assertEquals(copy, NativeLibraryCache.cachedCopy(cache).orElseThrow());
        assertArrayEquals(driverLibrary(), Files.readAllBytes(copy));
    }

    @Test
    void aCopyOrDirectoryOthersCouldHaveWrittenIsNotUsed() throws Exception {
        Path cache = dir.resolve("native");
        Path copy = NativeLibraryCache.cachedCopy(cache).orElseThrow();

        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(Optional.empty(), NativeLibraryCache.cachedCopy(cache));
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)), "left as it was");

        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(Optional.empty(), NativeLibraryCache.cachedCopy(shared));
        try (Stream<Path> files = Files.list(shared)) {
            assertEquals(List.of(), files.toList(), "nothing written there");
        }
    }

    @Test
    void useTellsTheDriverWhereTheCopyIsUnlessSomethingElseToldItAlready() {
        Path cache = dir.resolve("native");
        withoutLibraryProperties(() -> {
            System.setProperty(PATH, "/opt/sqlite");
            NativeLibraryCache.use(cache);
            assertEquals("/opt/sqlite", System.getProperty(PATH));
            assertNull(System.getProperty(NAME));
            System.clearProperty(PATH);
            System.setProperty(NAME, "libsqlite-mine.so");
            NativeLibraryCache.use(cache);
            assertNull(System.getProperty(PATH));
            assertFalse(Files.exists(cache), "no copy made for a driver told elsewhere");

            System.clearProperty(NAME);
            NativeLibraryCache.use(cache);
            Path copy = NativeLibraryCache.cachedCopy(cache).orElseThrow();
            assertEquals(List.of(copy.getParent().toString(), copy.getFileName().toString()),
                    List.of(System.getProperty(PATH), System.getProperty(NAME)));
        });
    }

    @Test
    void aStoreOpenedWithACacheDirectoryUsesTheCopyThere() {
        Path cache = dir.resolve("native");
        withoutLibraryProperties(() -> {
            try (ConversationStore store = ConversationStore.openAsync(dir.resolve("history.db"), cache).join()) {
                assertEquals("t", store.createConversation("t", null, null).title());
            }
            Path copy = NativeLibraryCache.cachedCopy(cache).orElseThrow();
            assertEquals(copy.getParent().toString(), System.getProperty(PATH));
        });
    }

    /**
     * Runs {@code test} with the driver's library properties unset, and puts them back as they
     * were after it: they are the whole JVM's.
     */
    private static void withoutLibraryProperties(Runnable test) {
        String path = System.clearProperty(PATH);
        String name = System.clearProperty(NAME);
        try {
            test.run();
        } finally {
            restore(PATH, path);
            restore(NAME, name);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void theDriverLoadsTheCachedCopyAndExtractsNothing() throws Exception {
        Needs.that(Files.isReadable(Path.of("/proc/self/maps")), "/proc, to see what a process mapped");
        Path cache = dir.resolve("native");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName(), "native", dir.resolve("history.db").toString(), cache.toString())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
        String mapped = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("stderr")));

        Path copy = NativeLibraryCache.cachedCopy(cache).orElseThrow();
        assertEquals(copy.toString(), mapped);
        try (Stream<Path> extracted = Files.list(tmp)) {
            assertEquals(List.of(), extracted.toList(), "the driver wrote no library of its own");
        }
    }

    private static byte[] driverLibrary() throws Exception {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = NativeLibraryCache.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
