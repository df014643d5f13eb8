package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where a continuation repeats the end of the shown text, and where it only looks as if it did. */
class OverlapTest {
    @Test
    void aRepeatedTailOfMeaningfulLengthIsFound() {
        String shown = "The quick brown fox jumps over the lazy dog";
        assertEquals(" jumps over the lazy dog".length(), Overlap.repeated(shown, " jumps over the lazy dog, again."));
        assertEquals("한국어 답변도 끊김 없이 이어".length(), Overlap.repeated("네. 한국어 답변도 끊김 없이 이어", "한국어 답변도 끊김 없이 이어집니다."));
    }

    @Test
    void shortRepeatsAreLeftAloneBecauseTheyAreUsuallyRealText() {
        assertEquals(0, Overlap.repeated("I went to the", "the market"));
        assertEquals(0, Overlap.repeated("She said: no, no", " no, no, no!"));
    }

    @Test
    void punctuationRunsNeverCountAsARepeat() {
        assertEquals(0, Overlap.repeated("| a | b |\n|--------------------|", "--------------------|\n"));
    }

    @Test
    void onlyTheLastWindowOfTheAnswerIsSearched() {
        String repeated = "a sentence that repeats itself. ";
        String shown = repeated + "x".repeat(Overlap.WINDOW);
        assertEquals(0, Overlap.repeated(shown, repeated));
    }

    @Test
    void textThatCouldStillBecomeARepeatIsHeldBack() {
        String shown = "The quick brown fox jumps over the lazy dog";
        assertTrue(Overlap.couldGrow(shown, " jumps"));
        assertFalse(Overlap.couldGrow(shown, " and then"));
        assertFalse(Overlap.couldGrow(shown, " jumps over the lazy dog"), "nothing longer left to match");
    }
}
