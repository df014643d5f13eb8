package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitlesTest {
    @Test
    void theFirstNonBlankLineTrimmedAndCollapsed() {
        assertEquals("Explain this diff please", Titles.fromPrompt("\n\n   Explain  this\tdiff please  \nignored"));
        assertEquals("(untitled)", Titles.fromPrompt(" \n\t\n"));
    }

    @Test
    void longPromptsAreCutToSixtyColumnsWithAnEllipsis() {
        String title = Titles.fromPrompt("a".repeat(100));
        assertEquals("a".repeat(59) + "…", title);
        assertEquals("b".repeat(60), Titles.fromPrompt("b".repeat(60)));
    }

    @Test
    void hangulCountsTwoColumnsEach() {
        String title = Titles.fromPrompt("가".repeat(40));
        assertEquals("가".repeat(29) + "…", title);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String title = Titles.fromPrompt("x" + "😀".repeat(40));
        assertEquals("x" + "😀".repeat(29) + "…", title);
        assertTrue(title.codePoints().noneMatch(cp -> Character.isSurrogate((char) cp) && cp < 0x10000));
    }

    /** Sixty of one character: a wide one is cut (29 and the ellipsis), a narrow or zero-width one fits. */
    private static boolean countsTwo(int cp) {
        String title = Titles.fromPrompt(Character.toString(cp).repeat(60));
        return title.endsWith("…");
    }

    /** The CJK block is split around U+303F, the ideographic half fill space, which is one column. */
    @Test
    void eachWideBlockStartsAndEndsWhereItShould() {
        int[][] blocks = {{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3040, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
                {0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF},
                {0x20000, 0x3FFFD}};
        for (int[] b : blocks) {
            assertTrue(countsTwo(b[0]), Integer.toHexString(b[0]) + " is wide");
            assertTrue(countsTwo(b[1]), Integer.toHexString(b[1]) + " is wide");
            assertFalse(countsTwo(b[0] - 1), Integer.toHexString(b[0] - 1) + " is not");
            assertFalse(countsTwo(b[1] + 1), Integer.toHexString(b[1] + 1) + " is not");
        }
    }

    @Test
    void marksAndFormatCharactersTakeNoColumn() {
        for (int mark : new int[] {0x0301, 0x20DD, 0x200B}) {
            String prompt = "e" + Character.toString(mark).repeat(100);
            assertEquals(prompt, Titles.fromPrompt(prompt), Integer.toHexString(mark));
        }
        assertEquals("|".repeat(59) + "…", Titles.fromPrompt("|".repeat(100)), "one column each");
    }
}
