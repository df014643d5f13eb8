package ai.holysheep.chat.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void piecesJoinBackToTheExactText() {
        for (String text : List.of(DemoAnswer.compose("hello", 1), DemoAnswer.compose("안녕", 2), "  lead\n\n\ttabs  \nend  ", "👍🏽 e\u0301 ok", "")) {
            assertEquals(text, String.join("", Tokens.split(text)));
        }
    }

    @Test
    void wordsKeepTheirLeadingSpaceAndLongWordsSplit() {
        assertEquals(List.of("Hello", ",", " world", " simulat", "ed"), Tokens.split("Hello, world simulated"));
    }

    @Test
    void hangulArrivesOneSyllableAtATime() {
        assertEquals(List.of("한", "국", "어", " 안", "내"), Tokens.split("한국어 안내"));
    }

    @Test
    void markdownMarkersAndNewlineRunsStayWhole() {
        assertEquals(List.of("```", "sh", "\n\n", "##", " Title"), Tokens.split("```sh\n\n## Title"));
    }

    @Test
    void emojiIsNeverSplitInsideASurrogatePair() {
        for (String piece : Tokens.split("ok 👍 done")) {
            assertTrue(piece.isEmpty() || !Character.isHighSurrogate(piece.charAt(piece.length() - 1)));
        }
    }
}
