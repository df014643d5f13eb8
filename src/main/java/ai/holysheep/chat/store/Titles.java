package ai.holysheep.chat.store;

/** Conversation titles made from the prompt that started them. */
public final class Titles {
    /** Roughly what fits beside an id, model and date on an 80- to 120-column line. */
    static final int MAX_COLUMNS = 60;
    static final String UNTITLED = "(untitled)";

    private Titles() {
    }

    /**
     * The first non-blank line of the prompt, trimmed, whitespace runs collapsed, cut to
     * {@link #MAX_COLUMNS} display columns (Hangul and other wide characters count two) with an
     * ellipsis. Cuts fall between code points, so a surrogate pair is never split.
     */
    public static String fromPrompt(String prompt) {
        String line = firstNonBlankLine(prompt == null ? "" : prompt);
        if (line.isEmpty()) {
            return UNTITLED;
        }
        StringBuilder title = new StringBuilder();
        int columns = 0;
        int[] codePoints = line.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int width = columns(codePoints[i]);
            boolean last = i == codePoints.length - 1;
            // Keep one column for the ellipsis unless this is the last character.
            if (columns + width > MAX_COLUMNS - (last ? 0 : 1)) {
                return title.append('…').toString();
            }
            title.appendCodePoint(codePoints[i]);
            columns += width;
        }
        return title.toString();
    }

    private static String firstNonBlankLine(String text) {
        for (String line : text.split("\\R")) {
            String collapsed = line.replaceAll("[\\s\\p{Cc}]+", " ").strip();
            if (!collapsed.isEmpty()) {
                return collapsed;
            }
        }
        return "";
    }

    /** A deliberately small estimate: wide East Asian blocks and emoji 2, marks 0, others 1. */
    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
