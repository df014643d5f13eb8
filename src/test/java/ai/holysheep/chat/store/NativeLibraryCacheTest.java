package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
