package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Renders an answer that grows delta by delta without re-parsing all of it each time, ending
 * exactly as a render of the whole answer would. The source is cut before the last top-level
 * block that commonmark finds in the unfinished part (by its source spans), and each finished
 * chunk is rendered once and cached. Only the tail after the last cut is re-parsed, so the cost
 * per delta is bounded by the length of the current block, not of the answer.
 *
 * <p>Two things reach across blocks, and are kept whole: a list (items 9 and 10 align as one
 * list) is a single block, so it is never cut; and a reference link ({@code [the docs][d]})
 * whose definition has not arrived keeps its block in the tail until it does, up to
 * {@link #MAX_HELD} characters. Definitions seen are given to every later render.
 *
 * <p>Input is sanitised as it arrives, with one {@link TerminalSanitizer} across deltas so an
 * escape sequence split between deltas is still removed. Not thread-safe.
 */
public final class StreamingMarkdown {
    /** Most text kept uncut while waiting for a reference's definition; past it, the cut is made. */
    static final int MAX_HELD = 16 * 1024;
    private static final Parser BLOCKS = MarkdownRenderer.parser().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    /** {@code [text]}, {@code [text][label]} or {@code [label][]}: not an inline link, not a definition. */
    private static final Pattern REFERENCE = Pattern.compile("\\[([^\\[\\]\\n]+)](?:\\[([^\\[\\]\\n]*)])?(?![(:\\[])");

    private final MarkdownRenderer renderer;
    private final TerminalSanitizer sanitizer = new TerminalSanitizer();
    private final StringBuilder source = new StringBuilder();
    /** Offsets where finished chunks end; chunk i is source[ends[i-1], ends[i]). */
    private final List<Integer> chunkEnds = new ArrayList<>();
    private final List<StyledLine> finished = new ArrayList<>();
    private final List<StyledLine> finishedView = Collections.unmodifiableList(finished);
    /** The reference definitions in finished chunks, as source, and their normalised labels. */
    private final StringBuilder definitions = new StringBuilder();
    private final Set<String> labels = new HashSet<>();
    private int width;

    // Line scanner state over source[scanPos, …): only complete lines are looked at.
    private int scanPos;
    private boolean blankSeen;
    /** The line start whose first letter already prompted a cut, so it is not tried again. */
    private int letterCutTried = -1;

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

    /** Lines of the finished blocks; they only grow (until a width change) and never change. */
    public List<StyledLine> finishedLines() {
        return finishedView;
    }

    /** Lines of the block still growing, with the blank line that separates it from the finished ones. */
    public List<StyledLine> tailLines() {
        if (tailDirty) {
            tailDirty = false;
            List<StyledLine> lines = render(committed(), source.length());
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

    /**
     * A new top-level block can only start a line; one after a blank line in column 0 is the
     * likely place, so only there is the tail parsed to find where its last block starts: once
     * that line is complete, or at its first character when that is a letter (after a blank
     * line, a line that starts with a letter joins no earlier block: not a list, a quote or a
     * table; a fence or an HTML block still open simply stays the last block).
     */
    private void scan() {
        int len = source.length();
        while (scanPos < len) {
            int eol = source.indexOf("\n", scanPos);
            if (eol < 0) {
                break;
            }
            boolean blank = isBlank(scanPos, eol);
            if (!blank && blankSeen && !isIndent(source.charAt(scanPos)) && scanPos > committed()
                    && scanPos != letterCutTried) {
                cutBeforeLastBlock(eol + 1);
            }
            blankSeen = blank;
            scanPos = eol + 1;
        }
        if (scanPos < len && blankSeen && scanPos > committed() && scanPos != letterCutTried
                && Character.isLetter(source.charAt(scanPos))) {
            letterCutTried = scanPos;
            cutBeforeLastBlock(len);
        }
    }

    /** Commits the tail's complete lines up to where the last of their top-level blocks starts. */
    private void cutBeforeLastBlock(int end) {
        int start = committed();
        String text = source.substring(start, end);
        reparsedChars += text.length();
        Node document = BLOCKS.parse(text);
        Node last = document.getLastChild();
        if (last == null || last == document.getFirstChild() || last.getSourceSpans().isEmpty()) {
            return;
        }
        int cut = start + lineStart(text, last.getSourceSpans().get(0).getLineIndex());
        if (cut <= start || (waitsForADefinition(document, last) && end - start < MAX_HELD)) {
            return;
        }
        commit(cut);
    }

    /** Whether a block before {@code last} may hold a reference whose definition has not come yet. */
    private boolean waitsForADefinition(Node document, Node last) {
        // Only definitions that would be committed with the blocks count: the last block stays behind.
        Set<String> known = new HashSet<>(labels);
        for (Node n = document.getFirstChild(); n != last; n = n.getNext()) {
            if (n instanceof LinkReferenceDefinition d) {
                known.add(normalise(d.getLabel()));
            }
        }
        for (Node n = document.getFirstChild(); n != last; n = n.getNext()) {
            if (n instanceof LinkReferenceDefinition) {
                continue;
            }
            for (SourceSpan span : n.getSourceSpans()) {
                Matcher m = REFERENCE.matcher(spanText(span));
                while (m.find()) {
                    String label = m.group(2) == null || m.group(2).isEmpty() ? m.group(1) : m.group(2);
                    if (!known.contains(normalise(label))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String spanText(SourceSpan span) {
        // Spans index the text parsed, which starts at the last cut.
        int from = committed() + span.getInputIndex();
        return source.substring(from, Math.min(source.length(), from + span.getLength()));
    }

    private static String normalise(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static int lineStart(String text, int line) {
        int offset = 0;
        for (int i = 0; i < line; i++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return text.length();
            }
        }
        return offset;
    }

    private boolean isBlank(int from, int end) {
        for (int i = from; i < end; i++) {
            if (!isIndent(source.charAt(i)) && source.charAt(i) != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isIndent(char c) {
        return c == ' ' || c == '\t';
    }

    private void commit(int end) {
        int start = committed();
        chunkEnds.add(end);
        addChunkLines(start, end);
        rememberDefinitions(start, end);
        tailDirty = true;
    }

    /** Definitions apply to the whole answer: later chunks are rendered with them. */
    private void rememberDefinitions(int start, int end) {
        if (source.indexOf("]:", start) < 0 || source.indexOf("]:", start) >= end) {
            return;
        }
        String text = source.substring(start, end);
        Node document = BLOCKS.parse(text);
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof LinkReferenceDefinition d && labels.add(normalise(d.getLabel()))) {
                for (SourceSpan span : d.getSourceSpans()) {
                    definitions.append(text, span.getInputIndex(), span.getInputIndex() + span.getLength()).append('\n');
                }
                definitions.append('\n');
            }
        }
    }

    private void addChunkLines(int start, int end) {
        List<StyledLine> lines = render(start, end);
        if (lines.isEmpty()) {
            return;
        }
        if (!finished.isEmpty()) {
            finished.add(StyledLine.BLANK);
        }
        finished.addAll(lines);
    }

    private List<StyledLine> render(int start, int end) {
        String text = source.substring(start, end);
        reparsedChars += text.length();
        // Definitions render as nothing; given first, they resolve this chunk's references.
        return renderer.render(definitions.isEmpty() ? text : definitions + text, width);
    }
}
