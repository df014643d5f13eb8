package ai.holysheep.chat.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into word-ish pieces the way a model's tokenizer roughly would, so that simulated
 * streams arrive in realistic fragments: a leading space sticks to the word after it, long words
 * break into several pieces, every Hangul syllable and every other non-Latin character is a piece
 * of its own (so multi-byte characters sit right at chunk edges), and runs of newlines stay whole.
 * Joining the pieces always gives back the original text exactly.
 */
final class Tokens {
    /** Long enough for short words to stay whole, short enough that long ones split. */
    private static final int MAX_WORD_CHARS = 7;
    /** Markdown markers such as ``` or ** or --- read best as one piece. */
    private static final int MAX_PUNCT_RUN = 3;

    private Tokens() {
    }

    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>(text.length() / 3 + 1);
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            char c = text.charAt(i);
            if (c == '\n') {
                while (i < n && text.charAt(i) == '\n') {
                    i++;
                }
                pieces.add(text.substring(start, i));
                continue;
            }
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i == n || text.charAt(i) == '\n') {
                pieces.add(text.substring(start, i));
                continue;
            }
            i = endOfCore(text, i);
            pieces.add(text.substring(start, i));
        }
        return pieces;
    }

    static int count(String text) {
        return split(text).size();
    }

    private static int endOfCore(String text, int i) {
        int cp = text.codePointAt(i);
        if (isWordChar(cp)) {
            int end = i;
            int chars = 0;
            while (end < text.length() && chars < MAX_WORD_CHARS) {
                int next = text.codePointAt(end);
                if (!isWordChar(next)) {
                    break;
                }
                end += Character.charCount(next);
                chars++;
            }
            return end;
        }
        int end = i + Character.charCount(cp);
        if (isAsciiPunct(cp)) {
            int run = 1;
            while (end < text.length() && run < MAX_PUNCT_RUN && text.charAt(end) == cp) {
                end++;
                run++;
            }
        }
        return end;
    }

    /** Latin-script letters and digits group into words; Hangul and other scripts do not. */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return Character.isLetterOrDigit(cp) || cp == '_';
        }
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    private static boolean isAsciiPunct(int cp) {
        return cp < 0x80 && !Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp);
    }
}
