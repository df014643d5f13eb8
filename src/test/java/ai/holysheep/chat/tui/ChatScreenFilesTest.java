package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.sim.SimOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /file}: files attached to the next message, shown above the input. */
class ChatScreenFilesTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @TempDir
    Path dir;

    JsonNode lastUserContent(ScreenRig rig) {
        JsonNode messages = rig.gateway.requests().get(rig.gateway.requests().size() - 1).json().path("messages");
        return messages.get(messages.size() - 1).path("content");
    }

    /** The row just above the input's prompt mark. */
    String rowAboveInput(ScreenRig rig) {
        List<String> rows = rig.rows();
        for (int i = rows.size() - 1; i > 0; i--) {
            if (rows.get(i).startsWith(" ›")) {
                return rows.get(i - 1);
            }
        }
        throw new AssertionError("no input row in\n" + rig.text());
    }

    @Test
    void anAttachedFileIsShownAboveTheInputAndGoesWithTheNextMessageOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("한글 노트.txt"), "김치 recipe\n");
        try (ScreenRig rig = ScreenRig.simulated(100, 60, SimOptions.defaults().unpaced())) {
            rig.send("/file " + file);
            String above = rowAboveInput(rig);
            assertTrue(above.contains("Attached: " + file + " (14 B) · /file - drops"), rig.text());

            rig.send("summarise");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            assertEquals("summarise\n\n" + file + "\n```\n김치 recipe\n```", lastUserContent(rig).asText());
            assertTrue(rig.text().contains("[file: " + file + ", 14 B]"), "the conversation names the file: " + rig.text());
            assertFalse(rowAboveInput(rig).contains("Attached:"), "sent with that message only");

            rig.send("and again");
            rig.until("the second answer", t -> rig.gateway.requests().size() == 2 && rig.statusLine().contains("ready · done"));
            assertEquals("and again", lastUserContent(rig).asText());
        }
    }

    @Test
    void aWideNameIsCutToTheScreenByItsCells() throws Exception {
        Path file = Files.writeString(dir.resolve("가".repeat(40) + ".txt"), "x");
        try (ScreenRig rig = ScreenRig.simulated(60, 20, SimOptions.defaults().unpaced())) {
            rig.send("/file " + file);
            String above = rowAboveInput(rig);
            assertTrue(above.startsWith("   Attached: ") && above.endsWith("…"), above);
            assertTrue(DisplayWidth.of(above) <= 60, above);
            assertEquals(rig.ui.files.line(57), above.strip());
        }
    }

    @Test
    void slashFileAloneListsAndDashDropsThem() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "a");
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced())) {
            rig.send("/file");
            rig.untilShows("No files attached.");
            rig.send("/file " + a);
            rig.send("/file");
            rig.untilShows("Attached to the next message: " + a + " (1 B). /file - drops them.");
            rig.send("/file -");
            rig.untilShows("Dropped 1 file.");
            assertTrue(rig.ui.files.isEmpty());
            assertFalse(rowAboveInput(rig).contains("Attached:"));
        }
    }

    @Test
    void problemsAreShownAndNothingIsAttached() throws Exception {
        Path bin = dir.resolve("prog");
        Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 0});
        try (ScreenRig rig = ScreenRig.simulated(120, 30, SimOptions.defaults().unpaced())) {
            rig.send("/file " + dir.resolve("missing.txt"));
            rig.untilShows("No such file: " + dir.resolve("missing.txt") + ".");
            rig.send("/file " + bin);
            rig.untilShows(bin + " is a binary file; only text and images");
            assertTrue(rig.ui.files.isEmpty());
        }
    }

    @Test
    void anImageGoesAsAPartAndATextOnlyModelKeepsTheDraftAndTheImage() throws Exception {
        Path png = Files.write(dir.resolve("shot.png"), PNG);
        try (ScreenRig rig = ScreenRig.simulated(140, 30, SimOptions.defaults().unpaced())) {
            rig.send("/model deepseek-v3.2");
            rig.send("/file " + png);
            rig.send("what is it?");
            rig.untilShows("deepseek-v3.2 is not known to take images");
            assertEquals("what is it?", rig.ui.input.text());
            assertFalse(rig.ui.files.isEmpty());
            assertTrue(rig.gateway.requests().isEmpty());

            rig.ui.input.clear();
            rig.send("/model gpt-4.1");
            rig.send("what is it?");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            JsonNode content = lastUserContent(rig);
            assertEquals("what is it?\n\n[image: " + png + ", 16 B]", content.at("/0/text").asText());
            assertTrue(content.at("/1/image_url/url").asText().startsWith("data:image/png;base64,"));
        }
    }

    @Test
    void filesAloneCanBeSent() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "alpha\n");
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced())) {
            rig.send("/file " + a);
            rig.send("");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            assertEquals(a + "\n```\nalpha\n```", lastUserContent(rig).asText());
        }
    }
}
