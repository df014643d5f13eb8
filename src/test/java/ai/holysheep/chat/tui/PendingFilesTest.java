package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.holysheep.chat.attach.Attachment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /file} as typed into the chat, where no shell stands between the user and the path. */
class PendingFilesTest {
    @TempDir
    Path home;
    @TempDir
    Path cwd;

    @Test
    void aLeadingTildeIsTheHomeDirectoryAsAShellWouldHaveIt() throws Exception {
        Files.writeString(home.resolve("notes.txt"), "n");
        Files.createDirectories(home.resolve("문서"));
        Files.writeString(home.resolve("문서/메모.md"), "m");
        Files.writeString(cwd.resolve("~notes.txt"), "a file whose name starts with a tilde");
        List<String> notes = new ArrayList<>();
        PendingFiles files = new PendingFiles(cwd, home, 1024, (text, problem) -> notes.add(text));

        files.command("~/notes.txt");
        files.command("~/문서");
        files.command("~notes.txt");

        assertEquals(List.of(home.resolve("notes.txt").toString(), home.resolve("문서/메모.md").toString(), "~notes.txt"),
                files.files().stream().map(Attachment::path).toList(), String.valueOf(notes));
    }
}
