package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphemesTest {
    @Test
    void asciiAndHangulSyllablesAreOneEach() {
        assertEquals(List.of("h", "i", "!"), Graphemes.split("hi!"));
        assertEquals(List.of("안", "녕", "하", "세", "요"), Graphemes.split("안녕하세요"));
    }

    @Test
    void combiningAccentStaysWithItsBase() {
        assertEquals(List.of("e\u0301", "t", "e\u0301"), Graphemes.split("e\u0301te\u0301"));
        assertEquals(List.of("a\u0308\u0323"), Graphemes.split("a\u0308\u0323"));
    }

    @Test
    void emojiWithSkinToneIsOneGrapheme() {
        assertEquals(List.of("👍🏽", "x"), Graphemes.split("👍🏽x"));
    }

    @Test
    void zwjFamilyIsOneGrapheme() {
        String family = "👨\u200D👩\u200D👧";
        assertEquals(List.of(family, "!"), Graphemes.split(family + "!"));
        String rainbowFlag = "🏳\uFE0F\u200D🌈";
        assertEquals(List.of(rainbowFlag), Graphemes.split(rainbowFlag));
    }

    @Test
    void regionalIndicatorsPairIntoFlags() {
        assertEquals(List.of("🇰🇷", "🇯🇵"), Graphemes.split("🇰🇷🇯🇵"));
        assertEquals(List.of("🇰🇷", "🇯"), Graphemes.split("🇰🇷🇯"));
    }

    @Test
    void tagSequenceFlagIsOneGrapheme() {
        String scotland = "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        assertEquals(List.of(scotland, "a"), Graphemes.split(scotland + "a"));
    }

    @Test
    void variationSelectorsAttach() {
        assertEquals(List.of("❤\uFE0F", "☺\uFE0E"), Graphemes.split("❤\uFE0F☺\uFE0E"));
        assertEquals(List.of("葛\uDB40\uDD00"), Graphemes.split("葛\uDB40\uDD00"));
        assertEquals(List.of("1\uFE0F\u20E3"), Graphemes.split("1\uFE0F\u20E3"));
    }

    @Test
    void conjoiningJamoFormOneSyllable() {
        String han = "\u1112\u1161\u11AB"; // ᄒ ᅡ ᆫ = 한
        assertEquals(List.of(han, "\u1100\u1173"), Graphemes.split(han + "\u1100\u1173"));
        // A precomposed LV syllable takes a trailing consonant jamo.
        assertEquals(List.of("\uAC00\u11A8"), Graphemes.split("\uAC00\u11A8"));
    }

    @Test
    void crLfIsOneGraphemeAndControlsStandAlone() {
        assertEquals(List.of("a", "\r\n", "b"), Graphemes.split("a\r\nb"));
        assertEquals(List.of("\u001B", "\u0301"), Graphemes.split("\u001B\u0301"));
    }

    @Test
    void boundaryWalkCountsGraphemes() {
        String s = "가👍🏽e\u0301🇰🇷";
        assertEquals(4, Graphemes.count(s));
        assertEquals(1, Graphemes.nextBoundary(s, 0));
        assertEquals(s.length(), Graphemes.nextBoundary(s, s.length()));
    }

    @Test
    void spacingMarksAndPrependsStayInTheirCluster() {
        assertEquals(List.of("กำ", "ก"), Graphemes.split("กำก"), "Thai SARA AM is a SpacingMark");
        assertEquals(List.of("\u0600١", "2"), Graphemes.split("\u0600١2"), "an Arabic number sign prepends");
        assertEquals(List.of("\r\n", "a"), Graphemes.split("\r\na"));
    }

    /** The quick paths for text no rule can join agree with UAX #29 as ICU applies it. */
    @Test
    void agreesWithTheJdksClustersOverRandomMixedText() {
        String[] pool = {"a", " ", "\n", "\r", "é", "e\u0301", "안", "\u1100", "\u1161", "\u11A8", "中", "ก", "\u0E33",
            "\u0E48", "\u0600", "١", "👍", "\uD83C\uDFFD", "\u200D", "\uFE0F", "🇰", "🇷", "क", "\u094D", "ि", "ا",
            "\u064B", "\u0301", "ん", "\u3099", "\t"};
        java.util.Random random = new java.util.Random(29);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8) + 1; n > 0; n--) {
                text.append(pool[random.nextInt(pool.length)]);
            }
            String s = text.toString();
            List<String> expected = new java.util.ArrayList<>();
            int from = 0;
            for (int end : GraphemesOracleTest.oracle(s)) {
                expected.add(s.substring(from, end));
                from = end;
            }
            assertEquals(expected, Graphemes.split(s), () -> s.codePoints()
                    .mapToObj(cp -> String.format("U+%04X", cp)).toList().toString());
        }
    }

    @Test
    void aConjunctEndingInTheFirstConsonantIsOneGrapheme() {
        // ष्क: the consonant after the virama is क, the first of the Devanagari consonants.
        assertEquals(List.of("\u0937\u094D\u0915", "a"), Graphemes.split("\u0937\u094D\u0915a"));
        // And in Malayalam, with ഺ, the last.
        assertEquals(List.of("\u0D15\u0D4D\u0D3A", "a"), Graphemes.split("\u0D15\u0D4D\u0D3Aa"));
    }

    @Test
    void anEmojiSequenceAfterANumberSignStaysWhole() {
        // U+0600 (Arabic number sign) prepends to what follows; the skin tone before the joiner
        // does not break the sequence, and a spacing mark does.
        String technologist = "\u0600👨🏽\u200D💻";
        assertEquals(List.of(technologist, "!"), Graphemes.split(technologist + "!"));
        assertEquals(List.of("\u0600👍\u0903\u200D", "🔥"), Graphemes.split("\u0600👍\u0903\u200D🔥"));
    }
}
