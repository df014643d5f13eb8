package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A message's markdown with its headings moved below the export's own: the export is titled
 * {@code #} and gives each message a {@code ##}, so a model's {@code # Plan} and {@code ## Step}
 * become {@code ###} and {@code ####} and nest under the message they belong to (as pandoc's
 * {@code --shift-heading-level-by} does). Headings are found by parsing, so a {@code #} line
 * inside a code block is left alone; everything but the heading markers stays as written.
 */
public final class DeeperHeadings {
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final int DEEPEST = 6;

    private DeeperHeadings() {
    }

    public static String of(String markdown, int levels) {
        if (markdown.indexOf('#') < 0 && markdown.indexOf('=') < 0 && markdown.indexOf('-') < 0) {
            return markdown;
        }
        List<Heading> headings = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading);
            }
        });
        StringBuilder out = new StringBuilder(markdown);
        // From the last to the first, so each edit leaves the offsets of those before it valid.
        for (int h = headings.size() - 1; h >= 0; h--) {
            Heading heading = headings.get(h);
            List<SourceSpan> spans = heading.getSourceSpans();
            if (spans.isEmpty()) {
                continue;
            }
            String marks = "#".repeat(Math.min(DEEPEST, heading.getLevel() + levels));
            SourceSpan first = spans.get(0);
            int start = first.getInputIndex();
            int markers = start;
            while (markers < start + first.getLength() && out.charAt(markers) == ' ') {
                markers++;
            }
            if (markers < out.length() && out.charAt(markers) == '#') {
                int end = markers;
                while (end < out.length() && out.charAt(end) == '#') {
                    end++;
                }
                out.replace(markers, end, marks);
            } else {
                // A setext heading (text over === or ---) has no deeper form: it becomes one ATX line.
                SourceSpan last = spans.get(spans.size() - 1);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < spans.size() - 1; i++) {
                    SourceSpan s = spans.get(i);
                    text.append(i == 0 ? "" : " ").append(markdown, s.getInputIndex(), s.getInputIndex() + s.getLength());
                }
                out.replace(start, last.getInputIndex() + last.getLength(), marks + " " + text.toString().strip());
            }
        }
        return out.toString();
    }
}
