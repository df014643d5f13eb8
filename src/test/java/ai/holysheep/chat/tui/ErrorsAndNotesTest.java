package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.stream.StreamEvent;
import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How failures, the program's notes and the help reach the user. */
class ErrorsAndNotesTest {
    private static final String REASON = "HTTP 503: The service is temporarily unavailable because the upstream"
            + " provider is overloaded; try again in a few minutes";

    @Test
    void aFailureIsWrappedSoItsReasonIsReadWhole() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(50, 20)) {
            rig.send("hi");
            rig.feed(new StreamEvent.GaveUp(2, Duration.ofSeconds(3), REASON));
            rig.step();
            String shown = String.join(" ", Arrays.stream(rig.text().split("\n")).map(String::strip).toList());
            assertTrue(shown.contains("✖ failed: gave up after 2 attempts: " + REASON), rig.text());
        }
    }

    @Test
    void aNoteAddedWhileScrolledUpIsInSightAndTheViewStays() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(60, 16)) {
            rig.send("count");
            StringBuilder lines = new StringBuilder();
            for (int i = 1; i <= 40; i++) {
                lines.append("line ").append(i).append("\n\n");
            }
            rig.feed(new StreamEvent.Delta(lines.toString()));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            rig.press(KeyType.PageUp);
            rig.press(KeyType.PageUp);
            rig.step();
            String top = rig.rows().get(0);

            rig.send("/foo");
            assertTrue(rig.text().contains("Unknown command /foo"), rig.text());
            assertEquals(top, rig.rows().get(0), "the view stays where the user was reading");
            assertFalse(rig.ui.pane.isFollowing());

            rig.press(KeyType.End);
            rig.step();
            assertEquals(1, rig.text().split("Unknown command /foo", -1).length - 1, "once, in its place:\n" + rig.text());
        }
    }

    @Test
    void helpIsAWindowThatAnyKeyClosesAndLeavesNothingInTheTranscript() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(100, 40)) {
            int entries = rig.ui.pane.entries().size();
            rig.press(KeyType.F1);
            rig.step();
            assertTrue(rig.text().contains("Help") && rig.text().contains("any key closes"), rig.text());
            assertTrue(rig.text().contains("/retry"), rig.text());

            rig.type("x");
            rig.step();
            assertFalse(rig.text().contains("any key closes"), rig.text());
            assertEquals("", rig.ui.input.text(), "the key that closed the help is not typed");

            rig.send("/help");
            assertTrue(rig.text().contains("any key closes"), rig.text());
            rig.press(KeyType.Escape);
            rig.step();
            rig.press(KeyType.F1);
            rig.press(KeyType.Enter);
            rig.step();
            assertFalse(rig.text().contains("any key closes"), rig.text());
            assertFalse(rig.text().contains("/retry"), rig.text());
            assertEquals(entries, rig.ui.pane.entries().size(), "the help never lands in the transcript");
        }
    }

    @Test
    void helpTallerThanTheScreenScrollsWithTheArrows() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(40, 12)) {
            rig.press(KeyType.F1);
            rig.step();
            assertTrue(rig.text().contains("scroll"), rig.text());
            assertFalse(rig.text().contains("/quit"), rig.text());
            for (int i = 0; i < 10; i++) {
                rig.press(KeyType.PageDown);
            }
            rig.step();
            assertTrue(rig.text().contains("/quit"), rig.text());
            rig.type("q");
            rig.step();
            assertFalse(rig.text().contains("/quit"), rig.text());
        }
    }
}
