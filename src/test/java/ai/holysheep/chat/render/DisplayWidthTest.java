package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {
    @Test
    void asciiIsOneColumnEach() {
        assertEquals(11, DisplayWidth.of("hello world"));
        assertEquals(0, DisplayWidth.of(""));
    }

    @Test
    void hangulIsTwoColumnsPerSyllable() {
        assertEquals(10, DisplayWidth.of("안녕하세요"));
        assertEquals(2, DisplayWidth.of("\u1112\u1161\u11AB"));
        assertEquals(11, DisplayWidth.of("한국어 text"));
    }

    @Test
    void cjkKanaAndFullwidthAreTwo() {
        assertEquals(4, DisplayWidth.of("中文"));
        assertEquals(6, DisplayWidth.of("ひらがな".substring(0, 3)));
        assertEquals(4, DisplayWidth.of("ＡＢ"));
        assertEquals(2, DisplayWidth.of("\u3000"));
        assertEquals(4, DisplayWidth.of("𠀋𠀋".substring(0, 2) + "中"));
    }

    @Test
    void emojiAreTwoColumnsAsTerminalsDrawThem() {
        assertEquals(2, DisplayWidth.of("👍"));
        assertEquals(2, DisplayWidth.of("👍🏽"));
        assertEquals(2, DisplayWidth.of("👨\u200D👩\u200D👧"));
        assertEquals(2, DisplayWidth.of("🇰🇷"));
        assertEquals(2, DisplayWidth.of("❤\uFE0F"));
        assertEquals(1, DisplayWidth.of("❤"));
        assertEquals(2, DisplayWidth.of("1\uFE0F\u20E3"));
        assertEquals(6, DisplayWidth.of("a👍🏽b🇰🇷"));
    }

    @Test
    void emojiPresentationMakesANarrowBaseWide() {
        // Keycaps on every base, and a skin tone at either end of its range on a base that
        // alone is one column.
        for (String base : new String[] {"#", "*", "0", "9"}) {
            assertEquals(2, DisplayWidth.of(base + "\uFE0F\u20E3"), base);
        }
        assertEquals(2, DisplayWidth.of("☝🏻"));
        assertEquals(2, DisplayWidth.of("☝🏿"));
        assertEquals(2, DisplayWidth.of("©\uFE0F"));
        assertEquals(1, DisplayWidth.of("©"));
        // The selector after a letter asks for nothing a terminal draws.
        assertEquals(1, DisplayWidth.of("x\uFE0F"));
        // A joiner makes a pictograph a sequence; a keycap mark alone keeps text presentation.
        assertEquals(2, DisplayWidth.of("❤\u200D🔥"));
        assertEquals(1, DisplayWidth.of("#\u20E3"));
        // Flags from the first and the last regional indicator, and a lone one.
        assertEquals(2, DisplayWidth.of("🇦🇿"));
        assertEquals(2, DisplayWidth.of("🇿🇦"));
        assertEquals(3, DisplayWidth.of("🇰🇷🇯"));
    }

    @Test
    void marksJoinersAndControlsTakeNoColumns() {
        assertEquals(2, DisplayWidth.of("a\u007Fb"));
        assertEquals(0, DisplayWidth.of("\u0080\u009F"));
        assertEquals(0, DisplayWidth.grapheme("abc", 1, 1));
        assertEquals(1, DisplayWidth.of("e\u0301"));
        assertEquals(4, DisplayWidth.of("cafe\u0301"));
        assertEquals(0, DisplayWidth.of("\u200D\uFE0F"));
        assertEquals(0, DisplayWidth.of("\u0000\u0007\u001B\u0085"));
        assertEquals(2, DisplayWidth.of("a\tb"));
    }

    @Test
    void sequencesAndPictographsAreTheWidthsTerminalsDisagreeOn() {
        for (String s : new String[] {"©", "\u2714\uFE0F", "👍🏽", "👨\u200D👩\u200D👧", "🇰🇷", "1\uFE0F\u20E3", "e\u0301", "👍", "✔"}) {
            org.junit.jupiter.api.Assertions.assertTrue(DisplayWidth.uncertain(s), s);
        }
        for (String s : new String[] {"a", "é", "한", "中", "─", "›"}) {
            org.junit.jupiter.api.Assertions.assertFalse(DisplayWidth.uncertain(s), s);
        }
    }

    @Test
    void fitCutsAtAGraphemeThatStillFits() {
        String s = "ab안녕";
        assertEquals(3, DisplayWidth.fit(s, 0, 5));
        assertEquals(4, DisplayWidth.fit(s, 0, 6));
        assertEquals(4, DisplayWidth.fit("👍🏽x", 0, 2));
        assertEquals(0, DisplayWidth.fit("👍🏽x", 0, 1));
    }
}
