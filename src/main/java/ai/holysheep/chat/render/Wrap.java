package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a paragraph to a number of terminal columns. Breaks at spaces (the spaces at a break are
 * dropped), between any two Chinese/Japanese characters, and inside a word only when the word
 * alone is wider than the line; never inside a grapheme, so a wide character never straddles the
 * edge. Korean is wrapped at spaces, like words, because that is how Hangul text reads best;
 * a run of Hangul wider than the line is still cut between syllables. {@code '\n'} is a hard break.
 *
 * <p>Results are offsets into the text, so a caller can cache them per message and width.
 */
public final class Wrap {
    /** One wrapped line: {@code text[start, end)} occupying {@code width} columns. */
    public record Line(int start, int end, int width) {
        public String of(CharSequence text) {
            return text.subSequence(start, end).toString();
        }
    }

    private Wrap() {
    }

    /** The lines of {@code text} wrapped to {@code columns} (at least 1). Never empty. */
    public static List<Line> lines(CharSequence text, int columns) {
        int limit = Math.max(1, columns);
        List<Line> out = new ArrayList<>();
        int len = text.length();
        int lineStart = 0;
        int width = 0;
        int breakEnd = -1;
        int breakResume = -1;
        int widthAtBreak = 0;
        int widthAtResume = 0;
        int prevCp = -1;
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.add(lastLine(text, lineStart, i, width));
                i++;
                lineStart = i;
                width = 0;
                breakEnd = -1;
                prevCp = -1;
                continue;
            }
            if (c == ' ') {
                int j = i;
                while (j < len && text.charAt(j) == ' ') {
                    j++;
                }
                if (i > lineStart) {
                    breakEnd = i;
                    breakResume = j;
                    widthAtBreak = width;
                    width += Math.min(j - i, limit);
                    widthAtResume = width;
                } else {
                    // Leading spaces are indentation: keep them, but never wider than the line.
                    int keep = Math.min(j - i, limit - 1);
                    if (keep < j - i) {
                        lineStart = j - keep;
                    }
                    width = keep;
                }
                prevCp = ' ';
                i = j;
                continue;
            }
            int end = Graphemes.nextBoundary(text, i);
            int cp = Character.codePointAt(text, i);
            int w = DisplayWidth.grapheme(text, i, end);
            if (prevCp != -1 && prevCp != ' ' && canBreakBetween(prevCp, cp)) {
                breakEnd = i;
                breakResume = i;
                widthAtBreak = width;
                widthAtResume = width;
            }
            while (width + w > limit && i > lineStart) {
                if (breakEnd > lineStart) {
                    out.add(new Line(lineStart, breakEnd, widthAtBreak));
                    lineStart = breakResume;
                    width -= widthAtResume;
                } else {
                    out.add(new Line(lineStart, trimSpaces(text, lineStart, i), width));
                    lineStart = i;
                    width = 0;
                }
                breakEnd = -1;
            }
            width += w;
            prevCp = cp;
            i = end;
        }
        out.add(lastLine(text, lineStart, len, width));
        return out;
    }

    /** The wrapped lines as strings. */
    public static List<String> wrap(String text, int columns) {
        List<Line> lines = lines(text, columns);
        List<String> out = new ArrayList<>(lines.size());
        for (Line line : lines) {
            out.add(line.of(text));
        }
        return out;
    }

    /** A line ended by a hard break or the end of text; trailing spaces there are dropped. */
    private static Line lastLine(CharSequence text, int start, int end, int width) {
        int trimmed = trimSpaces(text, start, end);
        return trimmed == end ? new Line(start, end, width)
                : new Line(start, trimmed, DisplayWidth.of(text, start, trimmed));
    }

    private static int trimSpaces(CharSequence text, int start, int end) {
        int e = end;
        while (e > start && text.charAt(e - 1) == ' ') {
            e--;
        }
        return e == start ? end : e;
    }

    private static boolean canBreakBetween(int prev, int cp) {
        return (isIdeographic(prev) || isIdeographic(cp)) && !noLineStart(cp) && !noLineEnd(prev);
    }

    /** Han, kana and their punctuation: scripts written without spaces between words. */
    private static boolean isIdeographic(int cp) {
        return (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF01 && cp <= 0xFF60)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static final String NO_LINE_START = "、。，．：；？！）」』】〕〉》ー・…‥〜ゝゞ々ぁぃぅぇぉっゃゅょァィゥェォッャュョ）］｝,.:;?!)]}";
    private static final String NO_LINE_END = "（「『【〔〈《［｛([{";

    private static boolean noLineStart(int cp) {
        return cp < 0x10000 && NO_LINE_START.indexOf(cp) >= 0;
    }

    private static boolean noLineEnd(int cp) {
        return cp < 0x10000 && NO_LINE_END.indexOf(cp) >= 0;
    }
}
