package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
