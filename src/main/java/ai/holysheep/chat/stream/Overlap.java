package ai.holysheep.chat.stream;

/**
 * Finds where a continuation repeats the end of the text already shown, so the join shows it once.
 *
 * <p>The rule: the longest suffix of the shown text that is also a prefix of the new text, looked
 * for only among the last {@link #WINDOW} characters, and accepted only when it is at least
 * {@link #MIN_LENGTH} characters long and holds at least {@link #MIN_WORD_CHARS} letters or
 * digits. Short overlaps are left alone on purpose: a continuation that legitimately begins with
 * the same few characters the answer ended with ("the", a space, a closing bracket) is as likely as
 * a repeated one, and dropping real text is worse than showing a few characters twice. Runs of
 * punctuation (a table rule {@code |-----|}, a line of {@code ====}) repeat legitimately too, so
 * they never count as an overlap on their own.
 */
final class Overlap {
    static final int WINDOW = 256;
    static final int MIN_LENGTH = 16;
    static final int MIN_WORD_CHARS = 4;

    private Overlap() {
    }

    /** How many leading characters of {@code next} repeat the end of {@code shown}; 0 when none count. */
    static int repeated(CharSequence shown, CharSequence next) {
        int longest = Math.min(Math.min(WINDOW, shown.length()), next.length());
        for (int k = longest; k >= MIN_LENGTH; k--) {
            int from = shown.length() - k;
            if (Character.isLowSurrogate(shown.charAt(from))) {
                continue;
            }
            if (regionEquals(shown, from, next, k) && wordChars(next, k) >= MIN_WORD_CHARS) {
                return k;
            }
        }
        return 0;
    }

    /**
     * True while {@code next} could still turn out to be the start of a longer repeat, i.e. it is
     * itself a prefix of some suffix of {@code shown} longer than it; the caller holds such text
     * back until more arrives.
     */
    static boolean couldGrow(CharSequence shown, CharSequence next) {
        if (next.length() >= WINDOW) {
            return false;
        }
        int longest = Math.min(WINDOW, shown.length());
        for (int k = longest; k > next.length() && k >= MIN_LENGTH; k--) {
            if (regionEquals(shown, shown.length() - k, next, next.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionEquals(CharSequence a, int from, CharSequence b, int length) {
        for (int i = 0; i < length; i++) {
            if (a.charAt(from + i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int wordChars(CharSequence s, int length) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
