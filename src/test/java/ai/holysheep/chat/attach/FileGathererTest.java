package ai.holysheep.chat.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGathererTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final Supplier<InputStream> NO_STDIN = () -> {
        throw new AssertionError("stdin was read");
    };

    @TempDir
    Path dir;

    FileGatherer gatherer() {
        return new FileGatherer(dir, 1024 * 1024);
    }

    List<String> paths(FileGatherer.Gathered g) {
        return g.files().stream().map(Attachment::path).toList();
    }

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aNamedTextFileIsReadWhole() throws Exception {
        write("notes.md", "hello\n");
        FileGatherer.Gathered g = gatherer().gather(List.of("notes.md"), NO_STDIN);
        assertEquals(List.of(new Attachment.TextFile("notes.md", "hello\n", 6)), g.files());
    }

    @Test
    void aDirectoryLeavesOutIgnoredFilesHiddenDirectoriesAndWhatIsNotText() throws Exception {
        write("src/.gitignore", "*.log\nbuild/\n!keep.log\n");
        write("src/a.txt", "a");
        write("src/b.log", "b");
        write("src/keep.log", "k");
        write("src/build/out.txt", "o");
        write("src/.cache/c.txt", "c");
        write("src/.hidden-file", "h");
        write("src/deep/nested/d.txt", "d");
        write("src/deep/.gitignore", "nested/\n");
        Files.write(dir.resolve("src/lib.bin"), new byte[] {1, 0, 2});
        Files.write(dir.resolve("src/icon.png"), PNG);
        FileGatherer.Gathered g = gatherer().gather(List.of("src"), NO_STDIN);
        assertEquals(List.of("src/.gitignore", "src/.hidden-file", "src/a.txt", "src/deep/.gitignore", "src/keep.log"), paths(g));
        assertEquals(List.of("left out 2 files under src that are not text: src/icon.png, src/lib.bin"), g.skipped());
    }

    @Test
    void theRepositorysGitignoreAboveTheDirectoryApplies() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        write(".gitignore", "*.tmp\n");
        write("sub/x.tmp", "x");
        write("sub/y.txt", "y");
        assertEquals(List.of("sub/y.txt"), paths(gatherer().gather(List.of("sub"), NO_STDIN)));
    }

    /** The chat and -f resolve against the working directory as a relative path. */
    @Test
    void aRelativePathInsideARepositoryWorksToo() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        write(".gitignore", "*.tmp\n");
        write("sub/x.tmp", "x");
        write("sub/y.txt", "y");
        Path relative = Path.of("").toAbsolutePath().relativize(dir);
        FileGatherer here = new FileGatherer(Path.of(""), 1024);
        assertEquals(List.of(relative + "/sub/y.txt"), paths(here.gather(List.of(relative + "/sub"), NO_STDIN)));
        assertEquals(List.of(relative + "/sub/y.txt"), paths(here.gather(List.of(relative + "/sub/*"), NO_STDIN)));
    }

    @Test
    void aQuotedGlobIsExpandedAndMatchingNothingIsAnError() throws Exception {
        write("src/A.java", "class A {}");
        write("src/pkg/B.java", "class B {}");
        write("src/pkg/c.txt", "c");
        // As git and bash's globstar take it: **/ is any number of directories, none included.
        assertEquals(List.of("src/A.java", "src/pkg/B.java"), paths(gatherer().gather(List.of("src/**/*.java"), NO_STDIN)));
        assertEquals(List.of("src/A.java", "src/pkg/B.java"), paths(gatherer().gather(List.of("**/*.java"), NO_STDIN)));
        assertEquals(List.of("src/pkg/B.java"), paths(gatherer().gather(List.of("src/**/pkg/*.java"), NO_STDIN)));
        assertEquals(List.of("src/A.java"), paths(gatherer().gather(List.of("src/*.java"), NO_STDIN)));
        AttachException e = assertThrows(AttachException.class, () -> gatherer().gather(List.of("src/*.rs"), NO_STDIN));
        assertEquals("no file matches src/*.rs", e.getMessage());
    }

    @Test
    void aFileNamedTwiceIsAttachedOnce() throws Exception {
        write("a.txt", "a");
        assertEquals(List.of("a.txt"), paths(gatherer().gather(List.of("a.txt", "./a.txt", "."), NO_STDIN)));
    }

    @Test
    void aMissingPathIsAnError() {
        AttachException e = assertThrows(AttachException.class, () -> gatherer().gather(List.of("nope.txt"), NO_STDIN));
        assertEquals("no such file: nope.txt", e.getMessage());
    }

    @Test
    void aNamedBinaryFileIsRefused() throws Exception {
        Files.write(dir.resolve("prog"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0});
        AttachException e = assertThrows(AttachException.class, () -> gatherer().gather(List.of("prog"), NO_STDIN));
        assertEquals("prog is a binary file; only text and images (png, jpeg, webp, gif) can be attached", e.getMessage());
    }

    @Test
    void invalidUtf8IsBinaryButACharacterCutAtTheWindowIsNot() throws Exception {
        Files.write(dir.resolve("latin1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(AttachException.class, () -> gatherer().gather(List.of("latin1.txt"), NO_STDIN));
        // 8191 ASCII bytes and then a three-byte Hangul syllable that straddles the 8 KiB window.
        String text = "a".repeat(FileSniff.WINDOW - 1) + "한글";
        write("long.txt", text);
        assertEquals(text, ((Attachment.TextFile) gatherer().gather(List.of("long.txt"), NO_STDIN).files().get(0)).text());
    }

    @Test
    void anImageIsKnownByItsFirstBytesNotItsName() throws Exception {
        Files.write(dir.resolve("shot.dat"), PNG);
        Files.writeString(dir.resolve("fake.png"), "not an image");
        FileGatherer.Gathered g = gatherer().gather(List.of("shot.dat", "fake.png"), NO_STDIN);
        Attachment.Image image = assertInstanceOf(Attachment.Image.class, g.files().get(0));
        assertEquals("image/png", image.mediaType());
        assertTrue(image.dataUrl().startsWith("data:image/png;base64,iVBORw0KGgo"));
        assertEquals("[image: shot.dat, 16 B]", image.note());
        assertInstanceOf(Attachment.TextFile.class, g.files().get(1));
    }

    @Test
    void jpegGifAndWebpAreImagesToo() {
        assertEquals("image/jpeg", FileSniff.imageType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}).orElseThrow());
        assertEquals("image/gif", FileSniff.imageType("GIF89a..".getBytes(StandardCharsets.US_ASCII)).orElseThrow());
        assertEquals("image/webp", FileSniff.imageType("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)).orElseThrow());
        assertTrue(FileSniff.imageType("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).isEmpty());
    }

    @Test
    void dashIsStdin() {
        FileGatherer.Gathered g = gatherer().gather(List.of("-"),
                () -> new ByteArrayInputStream("piped\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new Attachment.TextFile("stdin", "piped\n", 6)), g.files());
    }

    @Test
    void overTheLimitItRefusesNamingTheBiggestFiles() throws Exception {
        write("d/small.txt", "x".repeat(100));
        write("d/big.txt", "x".repeat(3000));
        write("d/mid.txt", "x".repeat(900));
        write("d/tiny.txt", "x");
        AttachException e = assertThrows(AttachException.class,
                () -> new FileGatherer(dir, 2048).gather(List.of("d"), NO_STDIN));
        assertEquals("the files come to 3.9 KiB, over the 2 KiB limit (max_attach in the config); the biggest: "
                + "d/big.txt (2.9 KiB), d/mid.txt (900 B), d/small.txt (100 B)", e.getMessage());
    }
}
