package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.stream.StreamEvent;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small marks that tell what is out of sight or not whole. */
class ChatScreenMarksTest {

    @Test
    void moreBelowSitsOnTheRuleNotOverTheText() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(60, 16)) {
            rig.send("count");
            StringBuilder lines = new StringBuilder();
            for (int i = 1; i <= 40; i++) {
                // Hard line breaks: every row of the pane holds text.
                lines.append("line ").append(i).append(" with some words to the right edge of the pane  \n");
            }
            rig.feed(new StreamEvent.Delta(lines.toString()));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            rig.press(KeyType.PageUp);
            rig.step();

            List<String> rows = rig.rows();
            String rule = rows.get(rows.size() - 3);
            String lastTextRow = rows.get(rows.size() - 4);
            assertTrue(rule.startsWith("──") && rule.contains("↓ more below · End"), rig.text());
            assertTrue(lastTextRow.matches(" line \\d+ with some words to the right edge of the pane"), rig.text());
        }
    }

    @Test
    void aDraftTallerThanTheBoxSaysHowManyLinesAreOutOfSight() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            for (int i = 1; i <= 12; i++) {
                rig.type("draft line " + i);
                if (i < 12) {
                    rig.press(new KeyStroke(KeyType.Enter, false, true));
                }
            }
            rig.step();
            List<String> rows = rig.rows();
            // 24 rows: the box holds 8 lines, so 4 are above the caret's line.
            assertTrue(rows.get(rows.size() - 9).startsWith("↑4 draft line 5"), rig.text());

            for (int i = 0; i < 11; i++) {
                rig.press(KeyType.ArrowUp);
            }
            rig.step();
            rows = rig.rows();
            assertTrue(rows.get(rows.size() - 9).startsWith(" › draft line 1"), rig.text());
            assertTrue(rows.get(rows.size() - 2).startsWith("↓4 draft line 8"), rig.text());
        }
    }

    @Test
    void anAnswerCutOffAtTheTokenLimitSaysSo() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(100, 24)) {
            rig.send("write a long essay");
            rig.feed(new StreamEvent.Delta("The first part of the essay"));
            rig.feed(new StreamEvent.Done("length"));
            rig.step();
            assertTrue(rig.text().contains("✂ cut off at the token limit"), rig.text());
            assertTrue(rig.statusLine().contains("done · cut short"), rig.statusLine());

            rig.send("and a short one");
            rig.feed(new StreamEvent.Delta("Short."));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            assertTrue(rig.text().split("✂", -1).length == 2, "only the cut-off answer is marked:\n" + rig.text());
        }
    }

    @Test
    void lastShowsTheTurnJustEndedEvenWhenItReportedNoUsage() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(100, 24)) {
            rig.send("one");
            rig.feed(new StreamEvent.Delta("first answer"));
            rig.feed(new StreamEvent.Usage(new TokenUsage(12, 3, 15), new TokenUsage(0, 0, 0)));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            assertTrue(rig.statusLine().contains("last ↑12 ↓3"), rig.statusLine());

            rig.send("two");
            rig.feed(new StreamEvent.Delta("second"));
            rig.press(KeyType.Escape);
            rig.step();
            rig.until("the cancel", t -> rig.statusLine().contains("cancelled"));
            assertTrue(rig.statusLine().contains("last –"), rig.statusLine());
            assertTrue(rig.statusLine().contains("session ↑12 ↓3"), rig.statusLine());
            assertFalse(rig.statusLine().contains("last ↑12"), rig.statusLine());
        }
    }
}
