package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into user-perceived characters (extended grapheme clusters, UAX #29), the unit a
 * terminal draws in one cell or two. The rules are the JDK's own {@code \X}, which follows UAX
 * #29 in full (SpacingMark, Prepend, ZWJ emoji sequences, flags, Hangul jamo); its
 * {@code BreakIterator} does not, and splits ZWJ and skin-tone emoji. Indic conjuncts (GB9c, newer
 * than JDK 17's regex) are joined here. Text where no rule can join
 * two characters (ASCII, Latin, Hangul syllables, CJK ideographs) is split without the regex.
 */
public final class Graphemes {
    private static final Pattern CLUSTER = Pattern.compile("\\X");
    /** One matcher per thread, reset for each text: a frame walks a screenful without allocating. */
    private static final ThreadLocal<Matcher> MATCHER = ThreadLocal.withInitial(() -> CLUSTER.matcher(""));

    private Graphemes() {
    }

    /** Index just past the grapheme that starts at {@code start}; {@code s.length()} at the end. */
    public static int nextBoundary(CharSequence s, int start) {
        int len = s.length();
        if (start >= len) {
            return len;
        }
        if (start + 1 == len ? startsNoCluster(s.charAt(start)) && !Character.isHighSurrogate(s.charAt(start))
                : startsNoCluster(s.charAt(start)) && joinsNothing(s.charAt(start + 1))) {
            return start + 1;
        }
        Matcher m = MATCHER.get();
        m.reset(s).region(start, len);
        int end = m.lookingAt() ? m.end() : start + Character.charCount(Character.codePointAt(s, start));
        while (end < len && (isConjunctConsonant(s.charAt(end)) && endsInLinker(s, start, end)
                || isPictographic(Character.codePointAt(s, end)) && endsInEmojiJoiner(s, start, end))) {
            m.region(end, len);
            end = m.lookingAt() ? m.end() : end + 1;
        }
        m.reset("");
        return end;
    }

    /**
     * Unicode 15.1's rule GB9c, which the JDK's {@code \X} follows only from JDK 22 on: a
     * consonant, a virama that links (with nuktas or a joiner around it) and the next consonant
     * are one conjunct, such as Devanagari क्ष. Whether {@code s[start, end)} ends in such a link.
     */
    private static boolean endsInLinker(CharSequence s, int start, int end) {
        boolean linked = false;
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            if (isLinker(c)) {
                linked = true;
            } else if (isConjunctConsonant(c)) {
                return linked;
            } else if (c != '\u200D' && !Ranges.contains(CONJUNCT_EXTEND, c)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether {@code s[start, end)} ends in a pictograph, its modifiers and a zero-width joiner
     * (GB11), which the next pictograph joins. The JDK's {@code \X} misses this after a
     * prepended character (an Arabic number sign before an emoji sequence).
     */
    private static boolean endsInEmojiJoiner(CharSequence s, int start, int end) {
        if (end - start < 2 || s.charAt(end - 1) != '\u200D') {
            return false;
        }
        for (int i = end - 1; i > start; ) {
            int cp = Character.codePointBefore(s, i);
            if (isPictographic(cp)) {
                return true;
            }
            if (cp != 0xFE0F && !isEmojiModifier(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                return false;
            }
            i -= Character.charCount(cp);
        }
        return false;
    }

    /** The viramas of Devanagari, Bengali, Gujarati, Oriya, Telugu and Malayalam (Indic_Conjunct_Break=Linker). */
    private static boolean isLinker(char c) {
        return c == '\u094D' || c == '\u09CD' || c == '\u0ACD' || c == '\u0B4D' || c == '\u0C4D' || c == '\u0D4D';
    }

    private static boolean isConjunctConsonant(char c) {
        return c >= 0x0915 && c <= 0x0D3A && Ranges.contains(CONJUNCT_CONSONANTS, c);
    }

    // The marks a conjunct may carry between its consonants: Indic_Conjunct_Break=Extend with a
    // nonzero combining class (nuktas, accents, other scripts' viramas), as ICU applies GB9c; a
    // vowel sign or anusvara (class 0) ends the conjunct. Limited to the BMP's combining blocks.
    private static final int[] CONJUNCT_EXTEND = {
        0x0300, 0x034E, 0x0350, 0x036F, 0x093C, 0x093C, 0x0951, 0x0954, 0x09BC, 0x09BC, 0x09FE, 0x09FE,
        0x0A3C, 0x0A3C, 0x0A4D, 0x0A4D, 0x0ABC, 0x0ABC, 0x0B3C, 0x0B3C, 0x0BCD, 0x0BCD, 0x0C3C, 0x0C3C,
        0x0C55, 0x0C56, 0x0CBC, 0x0CBC, 0x0CCD, 0x0CCD, 0x0D3B, 0x0D3C, 0x1CD0, 0x1CD2, 0x1CD4, 0x1CE0,
        0x1CE2, 0x1CE8, 0x1CED, 0x1CED, 0x1CF4, 0x1CF4, 0x1CF8, 0x1CF9, 0x1DC0, 0x1DFF, 0x20D0, 0x20DC,
        0x20E1, 0x20E1, 0x20E5, 0x20F0, 0xA8E0, 0xA8F1, 0xFE20, 0xFE2F,
    };

    // Indic_Conjunct_Break=Consonant (Unicode 16.0).
    private static final int[] CONJUNCT_CONSONANTS = {
        0x0915, 0x0939, 0x0958, 0x095F, 0x0978, 0x097F, 0x0995, 0x09A8, 0x09AA, 0x09B0, 0x09B2, 0x09B2,
        0x09B6, 0x09B9, 0x09DC, 0x09DD, 0x09DF, 0x09DF, 0x09F0, 0x09F1, 0x0A95, 0x0AA8, 0x0AAA, 0x0AB0,
        0x0AB2, 0x0AB3, 0x0AB5, 0x0AB9, 0x0AF9, 0x0AF9, 0x0B15, 0x0B28, 0x0B2A, 0x0B30, 0x0B32, 0x0B33,
        0x0B35, 0x0B39, 0x0B5C, 0x0B5D, 0x0B5F, 0x0B5F, 0x0B71, 0x0B71, 0x0C15, 0x0C28, 0x0C2A, 0x0C39,
        0x0C58, 0x0C5A, 0x0D15, 0x0D3A,
    };

    /**
     * A character that no rule joins to what follows it, when what follows {@link #joinsNothing}:
     * not CR, not a Prepend (all at U+0600 and above), not a jamo or surrogate.
     */
    private static boolean startsNoCluster(char c) {
        return (c < 0x600 && c != '\r') || isSyllableOrIdeograph(c);
    }

    /** A character that never attaches to the one before it (no Extend, SpacingMark, ZWJ or jamo V/T). */
    private static boolean joinsNothing(char c) {
        return c < 0x300 || isSyllableOrIdeograph(c);
    }

    private static boolean isSyllableOrIdeograph(char c) {
        return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF);
    }

    /** The graphemes of {@code s} as separate strings; for tests and one-off use, not per frame. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int end = nextBoundary(s, i);
            out.add(s.substring(i, end));
            i = end;
        }
        return out;
    }

    /** How many graphemes {@code s} holds. */
    public static int count(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i = nextBoundary(s, i)) {
            n++;
        }
        return n;
    }

    static boolean isControl(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    }

    static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    static boolean isEmojiModifier(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    // Extended_Pictographic, condensed to the blocks that matter for ZWJ sequences.
    private static final int[] PICTOGRAPHIC = {
        0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122, 0x2122,
        0x2139, 0x2139, 0x2194, 0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328, 0x2328,
        0x2388, 0x2388, 0x23CF, 0x23CF, 0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x24C2, 0x24C2,
        0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0, 0x25C0, 0x25FB, 0x25FE, 0x2600, 0x27BF,
        0x2934, 0x2935, 0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x3030, 0x3030, 0x303D, 0x303D, 0x3297, 0x3297, 0x3299, 0x3299,
        0x1F000, 0x1F1E5, 0x1F200, 0x1F3FA, 0x1F400, 0x1FAFF, 0x1FC00, 0x1FFFD,
    };

    static boolean isPictographic(int cp) {
        return cp >= 0xA9 && Ranges.contains(PICTOGRAPHIC, cp);
    }
}
