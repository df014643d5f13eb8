package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Grapheme boundaries against ICU's character break iterator (UAX #29) over generated text: the
 * pieces where the rules are subtle (ZWJ emoji, skin tones, flags, keycaps, Hangul jamo, Thai,
 * Devanagari, Arabic with its prepended number signs, CR LF) strung together at random, so the
 * seams between them are tested as much as the pieces. The seed is fixed: a failure names the
 * text and replays the same way every run.
 */
class GraphemesOracleTest {
    private static final long SEED = 0x5EEDL;
    private static final int TEXTS = 20_000;
    /** {@code -Doracle.stride=N} checks every N-th code point alone (the mutation run, which repeats this test often). */
    private static final int STRIDE = Integer.getInteger("oracle.stride", 1);

    private static final int ZWJ = 0x200D;
    private static final int VS16 = 0xFE0F;
    private static final int[] PEOPLE = {0x1F468, 0x1F469, 0x1F467, 0x1F466, 0x1F9D1, 0x1F44D, 0x270B};
    private static final int[] SYMBOLS = {0x2764, 0x1F525, 0x1F308, 0x1F3F3, 0x1F48B, 0x2640, 0x2642, 0x1F680};

    /** Pieces of text, each drawn from the random source; some are whole clusters, some are not. */
    private static final List<Function<SplittableRandom, String>> PIECES = List.of(
            GraphemesOracleTest::zwjSequence,
            GraphemesOracleTest::skinTone,
            GraphemesOracleTest::regionalIndicators,
            GraphemesOracleTest::keycap,
            GraphemesOracleTest::hangulJamo,
            GraphemesOracleTest::hangulSyllableAndJamo,
            GraphemesOracleTest::thai,
            GraphemesOracleTest::devanagari,
            GraphemesOracleTest::arabic,
            GraphemesOracleTest::latinWithMarks,
            GraphemesOracleTest::loose);

    static String zwjSequence(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.appendCodePoint(ZWJ);
            }
            if (r.nextBoolean()) {
                sb.appendCodePoint(pick(r, PEOPLE));
                if (r.nextInt(3) == 0) {
                    sb.appendCodePoint(0x1F3FB + r.nextInt(5));
                }
            } else {
                sb.appendCodePoint(pick(r, SYMBOLS));
                if (r.nextBoolean()) {
                    sb.appendCodePoint(VS16);
                }
            }
        }
        if (r.nextInt(8) == 0) {
            sb.appendCodePoint(ZWJ); // a dangling joiner
        }
        return sb.toString();
    }

    static String skinTone(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) > 0) {
            sb.appendCodePoint(pick(r, PEOPLE));
        }
        int tones = 1 + r.nextInt(2);
        for (int i = 0; i < tones; i++) {
            sb.appendCodePoint(0x1F3FB + r.nextInt(5));
        }
        return sb.toString();
    }

    static String regionalIndicators(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(0x1F1E6 + r.nextInt(26));
        }
        return sb.toString();
    }

    static String keycap(SplittableRandom r) {
        StringBuilder sb = new StringBuilder().append("0123456789#*".charAt(r.nextInt(12)));
        if (r.nextBoolean()) {
            sb.appendCodePoint(VS16);
        }
        return sb.appendCodePoint(0x20E3).toString();
    }

    static String hangulJamo(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        repeat(r, 3, () -> sb.appendCodePoint(0x1100 + r.nextInt(0x13)));
        repeat(r, 3, () -> sb.appendCodePoint(0x1161 + r.nextInt(0x15)));
        repeat(r, 3, () -> sb.appendCodePoint(0x11A8 + r.nextInt(0x1B)));
        if (sb.length() == 0) {
            sb.appendCodePoint(0x1100);
        }
        return sb.toString();
    }

    /** An LV or LVT syllable, then perhaps the vowel and final jamo that may or may not join it. */
    static String hangulSyllableAndJamo(SplittableRandom r) {
        int lv = 0xAC00 + 28 * r.nextInt(19 * 21);
        StringBuilder sb = new StringBuilder().appendCodePoint(r.nextBoolean() ? lv : lv + 1 + r.nextInt(27));
        repeat(r, 2, () -> sb.appendCodePoint(0x1161 + r.nextInt(0x15)));
        repeat(r, 2, () -> sb.appendCodePoint(0x11A8 + r.nextInt(0x1B)));
        return sb.toString();
    }

    static String thai(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(3) == 0) {
            sb.appendCodePoint(0x0E40 + r.nextInt(5)); // a vowel written before its consonant
        }
        sb.appendCodePoint(0x0E01 + r.nextInt(0x2E));
        int[] marks = {0x0E31, 0x0E34, 0x0E35, 0x0E36, 0x0E37, 0x0E38, 0x0E39, 0x0E3A, 0x0E47, 0x0E48, 0x0E49,
            0x0E4A, 0x0E4B, 0x0E4C, 0x0E33, 0x0E32, 0x0E30};
        repeat(r, 3, () -> sb.appendCodePoint(pick(r, marks)));
        return sb.toString();
    }

    static String devanagari(SplittableRandom r) {
        StringBuilder sb = new StringBuilder().appendCodePoint(0x0915 + r.nextInt(0x25));
        if (r.nextInt(4) == 0) {
            sb.appendCodePoint(0x093C); // nukta
        }
        if (r.nextBoolean()) {
            sb.appendCodePoint(0x094D); // virama: a conjunct with the next consonant
            if (r.nextInt(6) == 0) {
                sb.appendCodePoint(r.nextBoolean() ? ZWJ : 0x200C);
            }
            if (r.nextInt(4) > 0) {
                sb.appendCodePoint(0x0915 + r.nextInt(0x25));
            }
        }
        int[] signs = {0x093E, 0x093F, 0x0940, 0x0941, 0x0942, 0x0947, 0x0948, 0x094B, 0x094C, 0x0902, 0x0903, 0x0901};
        repeat(r, 2, () -> sb.appendCodePoint(pick(r, signs)));
        return sb.toString();
    }

    static String arabic(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.appendCodePoint(r.nextInt(3) == 0 ? 0x06DD : 0x0600 + r.nextInt(6)); // prepended number signs
            if (r.nextBoolean()) {
                sb.append((char) ('0' + r.nextInt(10)));
                return sb.toString();
            }
        }
        sb.appendCodePoint(0x0627 + r.nextInt(0x24));
        repeat(r, 3, () -> sb.appendCodePoint(0x064B + r.nextInt(8))); // harakat, shadda, sukun
        return sb.toString();
    }

    static String latinWithMarks(SplittableRandom r) {
        StringBuilder sb = new StringBuilder().append((char) ('a' + r.nextInt(26)));
        repeat(r, 3, () -> sb.appendCodePoint(0x0300 + r.nextInt(0x70)));
        return sb.toString();
    }

    /** Characters that start or end clusters by themselves, and fragments that attach to anything. */
    static String loose(SplittableRandom r) {
        String[] bits = {" ", "x", "\r", "\n", "\r\n", "\t", "안", "中", "\u200D", "\uFE0F", "\u0301", "\u200B",
            "\u00AD", "\u0E33", "\u0903", "\u0600", "\u1160", "\u11A8", "é", "\u3099"};
        return bits[r.nextInt(bits.length)];
    }

    static int pick(SplittableRandom r, int[] from) {
        return from[r.nextInt(from.length)];
    }

    static void repeat(SplittableRandom r, int most, Runnable piece) {
        for (int n = r.nextInt(most + 1); n > 0; n--) {
            piece.run();
        }
    }

    static String text(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + r.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            sb.append(PIECES.get(r.nextInt(PIECES.size())).apply(r));
        }
        return sb.toString();
    }

    static List<Integer> oracle(String s) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(s);
        List<Integer> ends = new ArrayList<>();
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            ends.add(end);
        }
        return ends;
    }

    static List<Integer> project(String s) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            i = Graphemes.nextBoundary(s, i);
            ends.add(i);
        }
        return ends;
    }

    static String hex(String s) {
        return s.codePoints().mapToObj(cp -> String.format("%04X", cp)).collect(Collectors.joining(" "));
    }

    @Test
    void generatedTextBreaksWhereIcuBreaksIt() {
        SplittableRandom r = new SplittableRandom(SEED);
        List<String> wrong = new ArrayList<>();
        for (int n = 0; n < TEXTS; n++) {
            String s = text(r);
            List<Integer> expected = oracle(s);
            List<Integer> actual = project(s);
            if (!expected.equals(actual)) {
                wrong.add(hex(s) + ": ICU ends clusters at " + expected + ", the project at " + actual);
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(10, wrong.size())), wrong.size() + " of " + TEXTS + " texts");
    }

    @Test
    void everyCodePointAloneIsOneCluster() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += STRIDE) {
            if (Character.getType(cp) != Character.SURROGATE) {
                String alone = new String(Character.toChars(cp));
                assertEquals(oracle(alone), project(alone), String.format("U+%04X", cp));
            }
        }
    }
}
