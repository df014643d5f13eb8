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
    @Test
    void theThresholdsAreInclusive() {
        String sixteenWithFourLetters = "-- a -- b -- cd ";
        String sixteenWithThreeLetters = "-- a -- b -- c -";
        assertEquals(Overlap.MIN_LENGTH, sixteenWithFourLetters.length());
        assertEquals(Overlap.MIN_LENGTH, sixteenWithThreeLetters.length());
        assertEquals(16, Overlap.repeated("Intro: " + sixteenWithFourLetters, sixteenWithFourLetters + "and on"));
        // Only the repeat's own letters count, not those of the text after it.
        assertEquals(0, Overlap.repeated("Intro: " + sixteenWithThreeLetters, sixteenWithThreeLetters + "def"));
    }

    @Test
    void aRepeatNeverStartsInsideASurrogatePair() {
        String shown = "Smile \uD83D\uDE00 at the camera, everyone";
        String fromLowHalf = shown.substring(shown.indexOf('\uDE00'));
        assertEquals(0, Overlap.repeated(shown, fromLowHalf + " please"));
    }

    @Test
    void heldBackTextMayGrowIntoARepeatOfExactlyTheMinimumLength() {
        String shown = "Intro: abcdefghijklmnop";
        assertTrue(Overlap.couldGrow(shown, "abc"), "the last 16 characters start with it");
        assertFalse(Overlap.couldGrow(shown, "bcd"));
    }

    @Test
    void heldBackTextIsLookedForOnlyInTheLastWindow() {
        String start = "a sentence that starts a long answer. ";
        String shown = start + "x".repeat(Overlap.WINDOW - start.length() + 1);
        assertFalse(Overlap.couldGrow(shown, "a sentence"), "it begins one character before the window");
        assertTrue(Overlap.couldGrow(shown.substring(1), " sentence"), "and from its first character on");
        assertFalse(Overlap.couldGrow("y" + "x".repeat(300), "x".repeat(Overlap.WINDOW)),
                "a whole window is a repeat already or none");
    }
}
