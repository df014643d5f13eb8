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

    @Test
    void aWideCharacterOnALineNarrowerThanItStandsAlone() {
        assertEquals(List.of("안", "녕"), Wrap.wrap("안녕", 1));
    }

    @Test
    void trailingSpacesAreDroppedAndNotCounted() {
        assertEquals(List.of("ab", "cd"), Wrap.wrap("ab  \ncd  ", 10));
        List<Wrap.Line> lines = Wrap.lines("한글  \nx", 10);
        assertEquals(4, lines.get(0).width());
        // A line of nothing but spaces is indentation with nothing after it yet: kept.
        assertEquals(List.of("   "), Wrap.wrap("   ", 10));
    }

    @Test
    void indentationIsKeptButNeverFillsTheLine() {
        List<Wrap.Line> lines = Wrap.lines("x\n  ab", 10);
        assertEquals("  ab", lines.get(1).of("x\n  ab"));
        assertEquals(4, lines.get(1).width());
        String deep = "      ab";
        List<Wrap.Line> cut = Wrap.lines(deep, 4);
        assertEquals(List.of("   a", "b"), cut.stream().map(l -> l.of(deep)).toList());
        cut.forEach(l -> assertTrue(l.width() <= 4, l.toString()));
    }

    @Test
    void everyChineseAndJapaneseBlockBreaksBeforeWhatFollows() {
        // The first and last code point of each block where a line may break between characters.
        int[] edges = {0x2E80, 0x303E, 0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF,
            0xF900, 0xFAFF, 0xFF01, 0xFF60, 0x20000, 0x3FFFD};
        for (int cp : edges) {
            String c = Character.toString(cp);
            assertEquals(List.of(c, "abc"), Wrap.wrap(c + "abc", 3), Integer.toHexString(cp));
        }
    }

    @Test
    void closingMarksDoNotStartALineAndOpeningMarksDoNotEndOne() {
        assertEquals(List.of("日本", "語、"), Wrap.wrap("日本語、", 6));
        assertEquals(List.of("日本", "語。"), Wrap.wrap("日本語。", 6));
        assertEquals(List.of("日本", "（語）"), Wrap.wrap("日本（語）", 6));
        assertEquals(List.of("日本", "「語」"), Wrap.wrap("日本「語」", 6));
    }
}
