package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into user-perceived characters (extended grapheme clusters), the unit a terminal
 * draws in one cell or two. A pragmatic subset of UAX #29 written for terminals: JDK 17's
 * {@code BreakIterator} splits ZWJ and skin-tone emoji, which would make a family emoji occupy
 * several cells and let a wrap cut it in half.
 *
 * <p>Covered: CR LF; base + extending marks (Mn, Me, Mc), ZWJ, variation selectors, emoji
 * modifiers and tag characters; ZWJ-joined pictographs; regional-indicator pairs (flags);
 * Hangul conjoining jamo (L* V* T* and precomposed LV/LVT + V/T).
 */
public final class Graphemes {
    private static final int ZWJ = 0x200D;

    private Graphemes() {
    }

    /**
     * Index just past the grapheme that starts at {@code start}; {@code s.length()} at the end.
     * Allocates nothing, so a frame can walk a whole screen of text with it.
     */
    public static int nextBoundary(CharSequence s, int start) {
        int len = s.length();
        if (start >= len) {
            return len;
        }
        char c = s.charAt(start);
        // Latin text followed by anything below the combining-marks block cannot be extended.
        if (c < 0x300 && c != '\r' && (start + 1 == len || s.charAt(start + 1) < 0x300)) {
            return start + 1;
        }
        int cp = Character.codePointAt(s, start);
        int i = start + Character.charCount(cp);
        if (cp == '\r') {
            return i < len && s.charAt(i) == '\n' ? i + 1 : i;
        }
        if (isControl(cp)) {
            return i;
        }
        if (isRegionalIndicator(cp)) {
            if (i < len) {
                int next = Character.codePointAt(s, i);
                if (isRegionalIndicator(next)) {
                    i += Character.charCount(next);
                }
            }
            return extend(s, i, false);
        }
        int jamo = hangulType(cp);
        if (jamo != NOT_HANGUL) {
            i = hangulTail(s, i, jamo);
        }
        return extend(s, i, isPictographic(cp));
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

    /** Consumes extending code points, and pictographs joined to a pictograph by ZWJ. */
    private static int extend(CharSequence s, int i, boolean pictographicBase) {
        int len = s.length();
        while (i < len) {
            int cp = Character.codePointAt(s, i);
            if (cp == ZWJ) {
                i += 1;
                if (pictographicBase && i < len) {
                    int next = Character.codePointAt(s, i);
                    if (isPictographic(next)) {
                        i += Character.charCount(next);
                    }
                }
            } else if (isExtend(cp)) {
                i += Character.charCount(cp);
            } else {
                return i;
            }
        }
        return i;
    }

    private static final int NOT_HANGUL = 0;
    private static final int L = 1;
    private static final int V = 2;
    private static final int T = 3;
    private static final int LV = 4;
    private static final int LVT = 5;

    /** Follows the jamo rules: L × (L|V|LV|LVT), (LV|V) × (V|T), (LVT|T) × T. */
    private static int hangulTail(CharSequence s, int i, int type) {
        int len = s.length();
        while (i < len) {
            char c = s.charAt(i);
            int next = hangulType(c);
            boolean joins = switch (type) {
                case L -> next == L || next == V || next == LV || next == LVT;
                case V, LV -> next == V || next == T;
                case T, LVT -> next == T;
                default -> false;
            };
            if (!joins) {
                return i;
            }
            type = next;
            i++;
        }
        return i;
    }

    static int hangulType(int cp) {
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            return (cp - 0xAC00) % 28 == 0 ? LV : LVT;
        }
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0xA960 && cp <= 0xA97C)) {
            return L;
        }
        if ((cp >= 0x1160 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6)) {
            return V;
        }
        if ((cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB)) {
            return T;
        }
        return NOT_HANGUL;
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

    static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** Code points that attach to the grapheme before them. */
    static boolean isExtend(int cp) {
        if (cp < 0x300) {
            return false;
        }
        if (isVariationSelector(cp) || isEmojiModifier(cp) || cp == 0x200C
                || (cp >= 0xE0020 && cp <= 0xE007F)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
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
