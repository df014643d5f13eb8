package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The screen on a terminal that draws some characters at another width than the chat counts
 * them, as tmux does: ✔️ (U+2714 U+FE0F) one cell wide, 👍🏽 as 👍 and 🏽 side by side, four
 * cells. Whatever such a terminal makes of the character itself, no cell beside it may show
 * something stale or sit anywhere but where the chat put it.
 */
class WidthDisagreementTest {
    private static final String CHECK = "\u2714\uFE0F";
    private static final String THUMB = "\uD83D\uDC4D\uD83C\uDFFD";

    /** Draws each code point on its own and ignores VS16, the way tmux counts these. */
    private static final class TmuxLikeTerminal extends DefaultVirtualTerminal {
        TmuxLikeTerminal(int columns, int rows) {
            super(new TerminalSize(columns, rows));
        }

        @Override
        public synchronized void putString(String string) {
            string.codePoints().filter(cp -> cp != 0xFE0F).forEach(cp -> super.putString(Character.toString(cp)));
        }
    }

    @Test
    void deletingAroundMarksLeavesNoStaleCells() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(new TmuxLikeTerminal(60, 16))) {
            rig.type("a" + CHECK + "b" + CHECK + "c" + THUMB + "d");
            rig.step();
            rig.press(KeyType.Backspace);
            rig.press(KeyType.Backspace);
            rig.press(KeyType.Backspace);
            rig.step();
            rig.ctrl('a');
            rig.press(KeyType.Delete);
            rig.step();
            assertEquals(CHECK + "b" + CHECK, rig.ui.input.text());
            // Each ✔️ takes the two cells the chat counted: the mark, then a blank.
            assertEquals(" › ✔ b✔", inputRow(rig));
        }
    }

    @Test
    void whatFollowsAFourCellClusterSitsWhereTheChatPutIt() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(new TmuxLikeTerminal(60, 16))) {
            rig.type(THUMB + "xyz");
            rig.step();
            assertEquals(" › 👍xyz", inputRow(rig));
        }
    }

    @Test
    void aMarkInTheTitleLeavesTheRuleWhole() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(new TmuxLikeTerminal(60, 16))) {
            rig.send("/title Done " + CHECK + " list");
            List<String> rows = rig.rows();
            String rule = rows.get(rows.size() - 3);
            assertEquals("── Done ✔  list " + "─".repeat(60 - 16), rule);
        }
    }

    @Test
    void ctrlLRepaintsWhatSomethingElseWroteOnTheScreen() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(60, 16)) {
            rig.terminal.setCursorPosition(5, 4);
            rig.terminal.putString("GARBAGE");
            rig.type("x");
            rig.step();
            assertTrue(rig.text().contains("GARBAGE"), "only changed rows are written:\n" + rig.text());

            rig.ctrl('l');
            rig.step();
            assertFalse(rig.text().contains("GARBAGE"), rig.text());
            assertTrue(rig.text().contains("› x"), rig.text());
        }
    }

    private static String inputRow(ScreenRig rig) {
        List<String> rows = rig.rows();
        return rows.get(rows.size() - 2);
    }
}
