package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrapTest {
    private static final String KOREAN = "스트리밍 응답이 중간에 끊겨도 같은 내용을 두 번 보여주지 않고 이어서 받아야 합니다. "
            + "한국어 사용자는 넓은 글자가 정확하게 줄바꿈되고 정렬되기를 기대합니다. "
            + "터미널에서 한글은 한 글자가 두 칸을 차지하므로 폭을 잘못 계산하면 화면이 깨집니다.";

    @Test
    void englishBreaksAtSpaces() {
        assertEquals(List.of("the quick", "brown fox", "jumps"), Wrap.wrap("the quick brown fox jumps", 10));
    }

    @Test
    void hardBreaksAreKept() {
        assertEquals(List.of("one", "", "two"), Wrap.wrap("one\n\ntwo", 20));
        assertEquals(List.of(""), Wrap.wrap("", 20));
    }

    @Test
    void longWordIsBrokenBetweenGraphemes() {
        assertEquals(List.of("abcd", "efgh", "ij"), Wrap.wrap("abcdefghij", 4));
        assertEquals(List.of("e\u0301e\u0301", "e\u0301"), Wrap.wrap("e\u0301e\u0301e\u0301", 2));
    }

    @Test
    void wideCharacterNeverStraddlesTheEdge() {
        List<Wrap.Line> lines = Wrap.lines("a안녕하세요", 4);
        assertEquals(List.of("a안", "녕하", "세요"), Wrap.wrap("a안녕하세요", 4));
        assertEquals(3, lines.get(0).width());
        assertEquals(List.of("👍🏽", "👨\u200D👩\u200D👧"), Wrap.wrap("👍🏽👨\u200D👩\u200D👧", 3));
    }

    @Test
    void chineseAndJapaneseBreakBetweenAnyCharacters() {
        assertEquals(List.of("hi 中文", "字符"), Wrap.wrap("hi 中文字符", 7));
        // A closing mark is not left to start a line.
        assertEquals(List.of("日本", "語。"), Wrap.wrap("日本語。", 5));
    }

    @Test
    void koreanWrapsAtSpacesWithinTheWidth() {
        for (int width : new int[] {40, 80}) {
            List<Wrap.Line> lines = Wrap.lines(KOREAN, width);
            StringBuilder joined = new StringBuilder();
            for (Wrap.Line line : lines) {
                String text = line.of(KOREAN);
                assertTrue(DisplayWidth.of(text) <= width, text);
                assertEquals(DisplayWidth.of(text), line.width());
                assertTrue(!text.startsWith(" ") && !text.endsWith(" "), text);
                joined.append(text).append(' ');
            }
            assertEquals(KOREAN, joined.toString().trim());
            assertTrue(lines.size() > 1);
            // Lines end at word ends, never mid-word, since every Korean word here fits.
            for (Wrap.Line line : lines.subList(0, lines.size() - 1)) {
                assertEquals(' ', KOREAN.charAt(line.end()));
            }
        }
    }
}
