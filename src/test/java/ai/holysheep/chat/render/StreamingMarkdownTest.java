package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingMarkdownTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private static final String ANSWER = "# 답변\n\n"
            + "첫 번째 문단은 **굵게** 쓰여 있고 꽤 길어서 여러 줄로 나뉩니다. The first paragraph wraps.\n\n"
            + "```python\ndef f():\n\n    return 1  # blank line above stays inside the fence\n```\n\n"
            + "| 열 | 값 |\n|---|---|\n| 가 | 1 |\n\n"
            + "> quoted\n\n"
            + "마지막 문단.\n";

    private static void feedInPieces(StreamingMarkdown md, String text, int piece) {
        for (int i = 0; i < text.length(); i += piece) {
            md.append(text.substring(i, Math.min(text.length(), i + piece)));
            md.tailLines();
        }
    }

    @Test
    void streamedAnswerEndsExactlyAsTheWholeRender() {
        for (int piece : new int[] {1, 3, 17}) {
            StreamingMarkdown md = new StreamingMarkdown(renderer, 40);
            feedInPieces(md, ANSWER, piece);
            md.finish();
            assertEquals(renderer.render(ANSWER, 40), md.lines(), "pieces of " + piece);
            assertEquals(md.lines(), md.finishedLines());
        }
    }

    @Test
    void finishedBlocksAreRenderedOnceAndTheTailHoldsTheGrowingOne() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 40);
        md.append("First paragraph.\n\nSecond is gro");
        assertEquals(List.of("First paragraph."), md.finishedLines().stream().map(StyledLine::text).toList());
        assertEquals(List.of("", "Second is gro"), md.tailLines().stream().map(StyledLine::text).toList());
        md.append("wing");
        assertEquals("Second is growing", md.tailLines().get(1).text());
    }

    @Test
    void anOpenFenceKeepsEverythingAfterItInTheTail() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 40);
        md.append("Intro.\n\n```js\nlet a = 1;\n\n\nHeading-looking line\n");
        assertEquals(1, md.finishedLines().size());
        List<StyledLine> tail = md.tailLines();
        assertTrue(tail.subList(1, tail.size()).stream().allMatch(l -> l.kind() == LineKind.CODE), tail.toString());
        md.append("```\n\nAfter.\n");
        md.append("\nMore");
        assertTrue(md.finishedLines().stream().anyMatch(l -> l.text().equals("After.")));
    }

    @Test
    void reparsingCostPerDeltaDoesNotGrowWithTheAnswer() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 80);
        String paragraph = "이 문단은 스트리밍 비용을 재는 데 쓰입니다. Each paragraph is about the same length, "
                + "so the work per delta must stay flat as the answer grows.\n\n";
        long maxEarly = 0;
        long maxLate = 0;
        for (int p = 0; p < 200; p++) {
            for (int i = 0; i < paragraph.length(); i += 5) {
                long before = md.reparsedChars();
                md.append(paragraph.substring(i, Math.min(paragraph.length(), i + 5)));
                md.tailLines();
                long cost = md.reparsedChars() - before;
                if (p < 20) {
                    maxEarly = Math.max(maxEarly, cost);
                } else if (p >= 180) {
                    maxLate = Math.max(maxLate, cost);
                }
            }
        }
        assertTrue(maxLate > 0, "the counter counts");
        assertTrue(maxLate <= maxEarly, "late " + maxLate + " vs early " + maxEarly);
        // At a cut the finished block is parsed once to find where it ends, and rendered once.
        assertTrue(maxLate <= 3L * paragraph.length(), "cost " + maxLate);
        assertTrue(md.source().length() > 60 * maxLate);
    }

    @Test
    void escapeSplitAcrossDeltasIsStillRemoved() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 40);
        md.append("safe \u001B]52;c;ZXZp");
        md.append("bA==\u0007text \u001B[");
        md.append("2Jend");
        md.finish();
        assertEquals("safe text end", md.lines().get(0).text());
        assertFalse(md.source().contains("\u001B"));
    }

    @Test
    void aNewWidthRelaysOutFinishedBlocks() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 80);
        md.append("one two three four five six\n\nnext");
        md.setWidth(10);
        assertEquals(List.of("one two", "three four", "five six"),
                md.finishedLines().stream().map(StyledLine::text).toList());
    }

    private static List<String> texts(List<StyledLine> lines) {
        return lines.stream().map(StyledLine::text).toList();
    }

    @Test
    void anAnswerThatStartsWithABlankLineIsStillCut() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 40);
        md.append("\nFirst.\n\nSecond");
        assertEquals(List.of("First."), texts(md.finishedLines()));
    }

    @Test
    void aReferenceWaitsForItsDefinitionAndNoLonger() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 60);
        md.append("See [the docs][d] and [faq][].\n\nNext paragraph.\n\nThird");
        assertEquals(List.of(), md.finishedLines(), "held until [d] and [faq] are defined");
        md.append(".\n\n[d]: https://x.io/d\n[faq]: https://x.io/faq\n\nFourth");
        assertEquals("See the docs (https://x.io/d) and faq (https://x.io/faq).", md.finishedLines().get(0).text());
    }

    @Test
    void aDefinitionAlreadyInTheTailLetsItsReferenceGo() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 60);
        md.append("[d]: https://x.io/d\n\nSee [the docs][d].\n\nNext");
        assertEquals(List.of("See the docs (https://x.io/d)."), texts(md.finishedLines()));
    }

    @Test
    void anotherLabelsDefinitionDoesNotLetAReferenceGo() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 60);
        md.append("[a]: https://x.io/a\n\nSee [b][].\n\nNext");
        assertEquals(List.of(), md.finishedLines());
    }

    @Test
    void aDefinitionThatNeverComesHoldsTheTextBackOnlySoLong() {
        StreamingMarkdown md = new StreamingMarkdown(renderer, 80);
        String paragraph = "Words that keep coming while the definition does not.\n\n";
        // Text already finished before the reference does not count toward the limit.
        while (md.source().length() < StreamingMarkdown.MAX_HELD / 2) {
            md.append(paragraph);
        }
        md.append("See [the docs][missing].\n\n");
        int finishedBefore = md.finishedLines().size();
        int heldFrom = md.source().length();
        while (md.source().length() - heldFrom < StreamingMarkdown.MAX_HELD - 3 * paragraph.length()) {
            md.append(paragraph);
        }
        md.append("Tail");
        assertEquals(finishedBefore, md.finishedLines().size());
        while (md.source().length() - heldFrom < StreamingMarkdown.MAX_HELD + paragraph.length()) {
            md.append(paragraph);
        }
        md.append("Tail");
        assertTrue(texts(md.finishedLines()).contains("See [the docs][missing]."));
    }
}
