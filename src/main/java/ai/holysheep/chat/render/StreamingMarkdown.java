package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Renders an answer that grows delta by delta without re-parsing all of it each time. The source
 * is cut at safe block boundaries — a blank line outside a fenced code block followed by a line
 * that starts in column 0 — and each finished chunk is rendered once and cached. Only the tail
 * after the last boundary is re-parsed, so the cost per delta is bounded by the length of the
 * current block, not of the answer. An open fence keeps everything after it in the tail.
 *
 * <p>Input is sanitised as it arrives, with one {@link TerminalSanitizer} across deltas so an
 * escape sequence split between deltas is still removed. Not thread-safe.
 */
public final class StreamingMarkdown {
    private final MarkdownRenderer renderer;
    private final TerminalSanitizer sanitizer = new TerminalSanitizer();
    private final StringBuilder source = new StringBuilder();
    /** Offsets where finished chunks end; chunk i is source[ends[i-1], ends[i]). */
    private final List<Integer> chunkEnds = new ArrayList<>();
    private final List<StyledLine> finished = new ArrayList<>();
    private final List<StyledLine> finishedView = Collections.unmodifiableList(finished);
    private int width;

    // Line scanner state over source[scanPos, …): only complete lines are classified.
    private int scanPos;
    private boolean inFence;
    private char fenceChar;
    private int fenceLength;
    private boolean blankSeen;

    private List<StyledLine> tail = List.of();
    private boolean tailDirty;
    private long reparsedChars;

    public StreamingMarkdown(MarkdownRenderer renderer, int width) {
        this.renderer = renderer;
        this.width = Math.max(1, width);
    }

    /** Adds the next piece of the answer. */
    public void append(String delta) {
        String clean = sanitizer.feed(delta);
        if (clean.isEmpty()) {
            return;
        }
        source.append(clean);
        tailDirty = true;
        scan();
    }

    /** Ends the answer: the tail becomes a finished chunk. */
    public void finish() {
        String rest = sanitizer.finish();
        source.append(rest);
        if (committed() < source.length()) {
            commit(source.length());
        }
        tail = List.of();
        tailDirty = false;
    }

    /**
     * Re-lays out every finished chunk for a new width (a terminal resize); the one time
     * finished chunks are parsed again.
     */
    public void setWidth(int columns) {
        int w = Math.max(1, columns);
        if (w == width) {
            return;
        }
        width = w;
        finished.clear();
        int start = 0;
        for (int end : chunkEnds) {
            addChunkLines(start, end);
            start = end;
        }
        tailDirty = true;
    }

    public int width() {
        return width;
    }

    /** Lines of the finished blocks; they only grow (until a width change) and never change. */
    public List<StyledLine> finishedLines() {
        return finishedView;
    }

    /** Lines of the block still growing, with the blank line that separates it from the finished ones. */
    public List<StyledLine> tailLines() {
        if (tailDirty) {
            tailDirty = false;
            int start = committed();
            String text = source.substring(start);
            reparsedChars += text.length();
            List<StyledLine> lines = renderer.render(text, width);
            if (!lines.isEmpty() && !finished.isEmpty()) {
                List<StyledLine> withGap = new ArrayList<>(lines.size() + 1);
                withGap.add(StyledLine.BLANK);
                withGap.addAll(lines);
                lines = withGap;
            }
            tail = Collections.unmodifiableList(lines);
        }
        return tail;
    }

    /** Finished lines followed by the tail: the whole answer as it stands. */
    public List<StyledLine> lines() {
        List<StyledLine> all = new ArrayList<>(finished);
        all.addAll(tailLines());
        return all;
    }

    /** The sanitised markdown received so far. */
    public String source() {
        return source.toString();
    }

    /** Characters handed to the parser so far; lets a test show the per-delta cost stays bounded. */
    public long reparsedChars() {
        return reparsedChars;
    }

    private int committed() {
        return chunkEnds.isEmpty() ? 0 : chunkEnds.get(chunkEnds.size() - 1);
    }

    private void scan() {
        int len = source.length();
        while (scanPos < len) {
            int eol = source.indexOf("\n", scanPos);
            if (eol < 0) {
                break;
            }
            classifyLine(scanPos, eol);
            scanPos = eol + 1;
        }
        // The first character of a line is enough to know that a new block starts in column 0.
        if (scanPos < len && blankSeen && !inFence && !isIndent(source.charAt(scanPos))
                && scanPos > committed()) {
            commit(scanPos);
        }
    }

    private static boolean isIndent(char c) {
        return c == ' ' || c == '\t';
    }

    private void classifyLine(int start, int end) {
        int indent = 0;
        while (start + indent < end && isIndent(source.charAt(start + indent))) {
            indent++;
        }
        int textStart = start + indent;
        if (inFence) {
            if (fenceRun(textStart, end, fenceChar) >= fenceLength && onlySpaces(textStart + fenceRun(textStart, end, fenceChar), end)) {
                inFence = false;
            }
            return;
        }
        if (textStart == end) {
            blankSeen = true;
            return;
        }
        if (blankSeen && indent == 0 && start > committed()) {
            commit(start);
        }
        blankSeen = false;
        char c = source.charAt(textStart);
        if (c == '`' || c == '~') {
            int run = fenceRun(textStart, end, c);
            if (run >= 3 && (c == '~' || source.indexOf("`", textStart + run) < 0
                    || source.indexOf("`", textStart + run) >= end)) {
                inFence = true;
                fenceChar = c;
                fenceLength = run;
            }
        }
    }

    private int fenceRun(int from, int end, char c) {
        int i = from;
        while (i < end && source.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    private boolean onlySpaces(int from, int end) {
        for (int i = from; i < end; i++) {
            if (source.charAt(i) != ' ' && source.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private void commit(int end) {
        int start = committed();
        chunkEnds.add(end);
        addChunkLines(start, end);
        tailDirty = true;
    }

    private void addChunkLines(int start, int end) {
        String text = source.substring(start, end);
        reparsedChars += text.length();
        List<StyledLine> lines = renderer.render(text, width);
        if (lines.isEmpty()) {
            return;
        }
        if (!finished.isEmpty()) {
            finished.add(StyledLine.BLANK);
        }
        finished.addAll(lines);
    }
}
