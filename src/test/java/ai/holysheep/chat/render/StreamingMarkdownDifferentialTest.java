package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated documents, streamed in pieces cut at random points, must end exactly as the whole
 * document renders: the oracle is commonmark's render of the whole text, not the streaming code.
 */
class StreamingMarkdownDifferentialTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private static final String[] WORDS = {"alpha", "beta", "감마", "델타", "`code`", "**bold**", "_it_", "x"};

    private static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String block(Random r, List<String> labels) {
        switch (r.nextInt(11)) {
            case 0: {
                int start = r.nextBoolean() ? 8 : 98;
                int n = 2 + r.nextInt(4);
                String gap = r.nextBoolean() ? "\n\n" : "\n";
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : gap).append(start + i).append(". ").append(words(r, 3));
                }
                return sb.toString();
            }
            case 1: {
                String gap = r.nextBoolean() ? "\n\n" : "\n";
                return "- " + words(r, 2) + gap + "- " + words(r, 3) + gap + "  - nested " + words(r, 1);
            }
            case 2:
                return "> " + words(r, 4) + "\n> " + words(r, 2) + (r.nextBoolean() ? "\n>\n> " + words(r, 2) : "");
            case 3:
                return "```" + (r.nextBoolean() ? "python" : "") + "\nx = 1\n\n" + words(r, 2) + "\n```";
            case 4:
                return "| a | 값 |\n|---|---|\n| " + words(r, 1) + " | 1 |\n| 가 | " + words(r, 1) + " |";
            case 5: {
                String label = "ref" + r.nextInt(4);
                labels.add(label);
                return "See [" + words(r, 1) + "][" + label + "] and [" + label + "].";
            }
            case 6: {
                String label = "ref" + r.nextInt(4);
                return "[" + label + "]: https://example.com/" + label + (r.nextBoolean() ? " \"Title\"" : "");
            }
            case 7:
                return "<div>\n" + words(r, 2) + "\n</div>";
            case 8:
                return "## " + words(r, 2);
            case 9:
                return "---";
            default:
                return words(r, 2 + r.nextInt(12)) + (r.nextBoolean() ? "\n" + words(r, 3) : "");
        }
    }

    @Test
    void streamedDocumentsEndAsTheyRenderWhole() {
        Random r = new Random(19);
        for (int doc = 0; doc < 600; doc++) {
            List<String> labels = new java.util.ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (int b = 2 + r.nextInt(6); b > 0; b--) {
                text.append(block(r, labels)).append(r.nextInt(4) == 0 ? "\n" : "\n\n");
            }
            String markdown = text.toString();
            int width = 20 + r.nextInt(40);
            StreamingMarkdown md = new StreamingMarkdown(renderer, width);
            int i = 0;
            while (i < markdown.length()) {
                int next = Math.min(markdown.length(), i + 1 + r.nextInt(12));
                md.append(markdown.substring(i, next));
                if (r.nextBoolean()) {
                    md.tailLines();
                }
                i = next;
            }
            md.finish();
            assertEquals(text(renderer.render(markdown, width)), text(md.lines()), markdown);
            assertEquals(renderer.render(markdown, width), md.lines(), markdown);
        }
    }

    private static List<String> text(List<StyledLine> lines) {
        return lines.stream().map(StyledLine::text).toList();
    }
}
