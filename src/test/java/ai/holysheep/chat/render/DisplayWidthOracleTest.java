package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every code point's width against ICU's Unicode data rather than against the project's own
 * tables: East Asian Wide and Fullwidth take 2 columns; controls, nonspacing and enclosing marks,
 * format characters, default-ignorables and the jamo that draw inside a syllable (vowels, finals)
 * take 0; the rest 1. Where the project deliberately draws otherwise, the range is listed below
 * with the reason, and the list must match the disagreements exactly, so it cannot go stale.
 */
class DisplayWidthOracleTest {

    /** A run of code points where the project's width is not the one the oracle's rule gives. */
    record Difference(int first, int last, int project, int oracle) {
        @Override
        public String toString() {
            return String.format("U+%04X..U+%04X project %d, oracle %d%n", first, last, project, oracle);
        }
    }

    private static final List<Difference> DELIBERATE = List.of(
            // SOFT HYPHEN is a format character, but terminals (and wcwidth) draw it as a hyphen.
            new Difference(0x00AD, 0x00AD, 1, 0),
            // The line and paragraph separators break lines in Unicode text; the client never
            // draws them as a character, so they take no column where they survive.
            new Difference(0x2028, 0x2029, 0, 1),
            // Unicode 16.0 made the Yijing and Tai Xuan Jing symbols and the counting rods wide;
            // terminals still draw them in one column (tmux 3.3 does), and the screen must agree
            // with the terminal, not with the standard.
            new Difference(0x2630, 0x2637, 1, 2),
            new Difference(0x268A, 0x268F, 1, 2),
            new Difference(0x4DC0, 0x4DFF, 1, 2),
            // HALFWIDTH HANGUL FILLER is default-ignorable, but terminals draw it as a blank cell.
            new Difference(0xFFA0, 0xFFA0, 1, 0),
            new Difference(0x1D300, 0x1D356, 1, 2),
            new Difference(0x1D360, 0x1D376, 1, 2));

    static int oracle(int cp) {
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        if (eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH) {
            return 2;
        }
        int type = UCharacter.getType(cp);
        if (type == UCharacterCategory.CONTROL || type == UCharacterCategory.NON_SPACING_MARK
                || type == UCharacterCategory.ENCLOSING_MARK || type == UCharacterCategory.FORMAT
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return 0;
        }
        int jamo = UCharacter.getIntPropertyValue(cp, UProperty.HANGUL_SYLLABLE_TYPE);
        if (jamo == UCharacter.HangulSyllableType.VOWEL_JAMO || jamo == UCharacter.HangulSyllableType.TRAILING_JAMO) {
            return 0;
        }
        return 1;
    }

    /**
     * Only assigned characters have a width to check (the project draws the unassigned code
     * points of a wide block wide, which keeps its tables short). The project reads general
     * categories from the running JDK, so a character newer than the JDK's Unicode, or one whose
     * category changed since (a mark that became spacing), is not the project's to know: ICU 76
     * speaks Unicode 16.
     */
    static boolean comparable(int cp) {
        return UCharacter.isDefined(cp) && Character.isDefined(cp) && zeroWidthType(Character.getType(cp))
                == zeroWidthType(javaType(UCharacter.getType(cp)));
    }

    static boolean zeroWidthType(int javaType) {
        return javaType == Character.NON_SPACING_MARK || javaType == Character.ENCLOSING_MARK
                || javaType == Character.FORMAT;
    }

    /** ICU numbers the marks and format characters as java.lang.Character does; other types do not matter here. */
    static int javaType(int icuType) {
        return icuType == UCharacterCategory.NON_SPACING_MARK ? Character.NON_SPACING_MARK
                : icuType == UCharacterCategory.ENCLOSING_MARK ? Character.ENCLOSING_MARK
                : icuType == UCharacterCategory.FORMAT ? Character.FORMAT : Character.UNASSIGNED;
    }

    @Test
    void everyCodePointIsAsWideAsUnicodeSaysOrAListedException() {
        List<Difference> found = new ArrayList<>();
        int compared = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.getType(cp) == Character.SURROGATE || !comparable(cp)) {
                continue;
            }
            compared++;
            int project = DisplayWidth.codePoint(cp);
            int oracle = oracle(cp);
            if (project == oracle) {
                continue;
            }
            Difference last = found.isEmpty() ? null : found.get(found.size() - 1);
            if (last != null && last.last() == cp - 1 && last.project() == project && last.oracle() == oracle) {
                found.set(found.size() - 1, new Difference(last.first(), cp, project, oracle));
            } else {
                found.add(new Difference(cp, cp, project, oracle));
            }
        }
        assertEquals(DELIBERATE, found, "widths that differ from Unicode's, out of " + compared + " code points");
    }
}
