package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into user-perceived characters (extended grapheme clusters, UAX #29), the unit a
 * terminal draws in one cell or two. The rules are the JDK's own {@code \X}, which follows UAX
 * #29 in full (SpacingMark, Prepend, ZWJ emoji sequences, flags, Hangul jamo); its
 * {@code BreakIterator} does not, and splits ZWJ and skin-tone emoji. Text where no rule can join
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
        m.reset("");
        return end;
    }

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
