package ai.holysheep.chat.render;

/**
 * How many terminal columns text occupies, measured per grapheme the way terminals draw it:
 * East Asian Wide/Fullwidth and emoji take 2, marks and joiners take 0. Every method is
 * allocation-free so it can run per frame.
 */
public final class DisplayWidth {
    private DisplayWidth() {
    }

    /** Columns of the whole text. */
    public static int of(CharSequence text) {
        return of(text, 0, text.length());
    }

    /** Columns of {@code text[start, end)}; {@code start} must be a grapheme boundary. */
    public static int of(CharSequence text, int start, int end) {
        int cols = 0;
        int i = start;
        while (i < end) {
            int next = Math.min(Graphemes.nextBoundary(text, i), end);
            cols += grapheme(text, i, next);
            i = next;
        }
        return cols;
    }

    /** Columns of the single grapheme {@code text[start, end)}: 0, 1 or 2. */
    public static int grapheme(CharSequence text, int start, int end) {
        if (end <= start) {
            return 0;
        }
        int base = Character.codePointAt(text, start);
        if (end - start == 1 && base >= 0x20 && base < 0x7F) {
            return 1;
        }
        int baseWidth = codePoint(base);
        if (baseWidth == 0 || end - start == Character.charCount(base)) {
            return baseWidth;
        }
        if (Graphemes.isRegionalIndicator(base)) {
            int second = start + 2;
            return second < end && Graphemes.isRegionalIndicator(Character.codePointAt(text, second))
                    ? 2 : 1;
        }
        if (baseWidth == 2) {
            return 2;
        }
        boolean emojiBase = Graphemes.isPictographic(base) || isKeycapBase(base);
        for (int i = start + Character.charCount(base); i < end; ) {
            int cp = Character.codePointAt(text, i);
            if (Graphemes.isEmojiModifier(cp)) {
                return 2;
            }
            if (emojiBase && (cp == 0xFE0F || cp == 0x200D)) {
                return 2;
            }
            i += Character.charCount(cp);
        }
        return 1;
    }

    /**
     * True when terminals are known to disagree on how many cells the grapheme {@code cluster}
     * takes, so that a screen must not trust where the terminal's cursor ends up after it:
     * any cluster of several code points (VS16 as in ✔️, skin tones, ZWJ sequences, flags,
     * keycaps, decomposed jamo and accents) and any single pictograph, whose width changed
     * between Unicode versions. tmux, xterm and VTE draw ✔️ one cell wide, tmux 👍🏽 four.
     */
    public static boolean uncertain(CharSequence cluster) {
        int len = cluster.length();
        if (len == 0 || (len == 1 && cluster.charAt(0) < 0xA9)) {
            return false;
        }
        int base = Character.codePointAt(cluster, 0);
        return Character.charCount(base) < len || Graphemes.isPictographic(base);
    }

    /** Columns of a code point drawn on its own. */
    public static int codePoint(int cp) {
        if (cp >= 0x20 && cp < 0x7F) {
            return 1;
        }
        if (Graphemes.isControl(cp)) {
            return 0;
        }
        if (cp < 0x300) {
            return 1;
        }
        if (Ranges.contains(WIDE, cp)) {
            return 2;
        }
        if (Ranges.contains(ZERO, cp)) {
            return 0;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT) {
            return 0;
        }
        return 1;
    }

    /**
     * The largest grapheme boundary {@code end} such that {@code text[start, end)} fits in
     * {@code columns}; used to cut titles and model names to a status bar.
     */
    public static int fit(CharSequence text, int start, int columns) {
        int cols = 0;
        int i = start;
        while (i < text.length()) {
            int next = Graphemes.nextBoundary(text, i);
            int w = grapheme(text, i, next);
            if (cols + w > columns) {
                return i;
            }
            cols += w;
            i = next;
        }
        return i;
    }

    private static boolean isKeycapBase(int cp) {
        return cp == '#' || cp == '*' || (cp >= '0' && cp <= '9');
    }

    // Zero-width beyond what the general category says: joiners, selectors, conjoining
    // vowel and final jamo (they draw inside the syllable their leading consonant starts).
    private static final int[] ZERO = {
        0x1160, 0x11FF, 0x200B, 0x200F, 0x2028, 0x202E, 0x2060, 0x2064,
        0xD7B0, 0xD7FF, 0xFE00, 0xFE0F, 0xFEFF, 0xFEFF, 0xE0000, 0xE0FFF,
    };

    // East Asian Wide and Fullwidth, plus characters with default emoji presentation.
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0,
        0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F,
        0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5,
        0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
        0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728,
        0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x303E, 0x3041, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA4CF, 0xA960, 0xA97F,
        0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F, 0xFF00, 0xFF60,
        0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1, 0x17000, 0x18D7F, 0x1B000, 0x1B2FF,
        0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A,
        0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251,
        0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C,
        0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0,
        0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440, 0x1F442, 0x1F4FC,
        0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A,
        0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5,
        0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF,
        0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0,
        0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FAFF,
        0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    };
}
