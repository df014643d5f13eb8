package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private List<String> texts(String markdown, int width) {
        List<String> out = new ArrayList<>();
        for (StyledLine line : renderer.render(markdown, width)) {
            out.add(line.kind() == LineKind.CODE ? line.text().stripTrailing() : line.text());
        }
        return out;
    }

    private static Span spanWith(StyledLine line, String text) {
        return line.spans().stream().filter(s -> s.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no span with " + text + " in " + line));
    }

    @Test
    void headingsKeepTheirLevelMarkerAndAreBold() {
        List<StyledLine> lines = renderer.render("# Title\n\n## 소제목", 40);
        assertEquals(List.of("# Title", "", "## 소제목"), texts("# Title\n\n## 소제목", 40));
        assertEquals(LineKind.HEADING, lines.get(0).kind());
        assertTrue(spanWith(lines.get(0), "Title").style().bold());
        assertTrue(spanWith(lines.get(2), "소제목").style().bold());
    }

    @Test
    void inlineStylesBecomeSpanStyles() {
        StyledLine line = renderer.render("a **bold** *it* ~~gone~~ `x()` 한글 **굵게**", 80).get(0);
        assertEquals("a bold it gone x() 한글 굵게", line.text());
        assertTrue(spanWith(line, "bold").style().bold());
        assertTrue(spanWith(line, "it").style().italic());
        assertTrue(spanWith(line, "gone").style().strikethrough());
        assertTrue(spanWith(line, "x()").style().code());
        assertTrue(spanWith(line, "굵게").style().bold());
    }

    @Test
    void paragraphsWrapByDisplayWidth() {
        String korean = "스트리밍 응답은 네트워크가 끊겨도 이어서 받아야 하고 한글은 두 칸을 차지합니다.";
        List<StyledLine> lines = renderer.render(korean, 20);
        for (StyledLine line : lines) {
            assertTrue(line.width() <= 20, line.text());
        }
        assertEquals(korean, String.join(" ", lines.stream().map(StyledLine::text).toList()));
    }

    @Test
    void linksShowTextThenAddress() {
        assertEquals(List.of("see docs (https://example.com/d) or https://x.io"),
                texts("see [docs](https://example.com/d) or <https://x.io>", 80));
        assertEquals(List.of("문서 (https://example.com/ko)"), texts("[문서](https://example.com/ko)", 80));
    }

    @Test
    void fencedCodeKeepsLinesWholeWithLabelAndColours() {
        String md = "```java\n// greet\nString s = \"hi\"; int n = 42;\nSystem.out.println(s + n + \"a long tail that does not fit\");\n```";
        List<StyledLine> lines = renderer.render(md, 30);
        assertEquals(List.of(" java", "// greet", "String s = \"hi\"; int n = 42;",
                "System.out.println(s + n + \"a long tail that does not fit\");"), texts(md, 30));
        lines.forEach(l -> assertEquals(LineKind.CODE, l.kind()));
        assertFalse(lines.get(1).overflows());
        assertTrue(lines.get(3).overflows());
        assertEquals(30, lines.get(1).width(), "short code lines are padded to a box");
        assertEquals(Color.CODE_SHADE, lines.get(2).spans().get(0).style().background());
        assertEquals(Color.GRAY, spanWith(lines.get(1), "greet").style().foreground());
        assertEquals(Color.BRIGHT_MAGENTA, spanWith(lines.get(2), "int").style().foreground());
        assertEquals(Color.GREEN, spanWith(lines.get(2), "\"hi\"").style().foreground());
        assertEquals(Color.CYAN, spanWith(lines.get(2), "42").style().foreground());
    }

    @Test
    void otherLanguagesAreColouredToo() {
        StyledLine py = renderer.render("```python\ndef f(): return None  # 주석\n```", 40).get(1);
        assertEquals(Color.BRIGHT_MAGENTA, spanWith(py, "def").style().foreground());
        assertEquals(Color.GRAY, spanWith(py, "# 주석").style().foreground());
        StyledLine json = renderer.render("```json\n{\"key\": \"값\", \"n\": 1}\n```", 40).get(1);
        assertEquals(Color.BLUE, spanWith(json, "\"key\"").style().foreground());
        assertEquals(Color.GREEN, spanWith(json, "\"값\"").style().foreground());
        StyledLine sql = renderer.render("```sql\nSELECT name FROM users -- all\n```", 40).get(1);
        assertEquals(Color.BRIGHT_MAGENTA, spanWith(sql, "SELECT").style().foreground());
        StyledLine sh = renderer.render("```bash\necho \"$HOME\" $USER\n```", 40).get(1);
        assertEquals(Color.YELLOW, spanWith(sh, "$USER").style().foreground());
        StyledLine ts = renderer.render("```ts\nconst x: number = await f(`t`);\n```", 40).get(1);
        assertEquals(Color.BRIGHT_MAGENTA, spanWith(ts, "await").style().foreground());
    }

    @Test
    void nestedListsHangTheirIndent() {
        String md = "- first item that wraps onto a second line\n  - nested\n    1. deep\n- 두 번째 항목입니다 줄이 넘어가면 들여쓰기가 유지됩니다";
        assertEquals(List.of(
                "• first item that wraps onto a",
                "  second line",
                "  ◦ nested",
                "    1. deep",
                "• 두 번째 항목입니다 줄이",
                "  넘어가면 들여쓰기가 유지됩니다"), texts(md, 32));
    }

    @Test
    void orderedListNumbersAlignOnTheirDot() {
        String md = "9. nine\n10. ten is long enough to wrap";
        assertEquals(List.of(" 9. nine", "10. ten is long", "    enough to wrap"), texts(md, 18));
    }

    @Test
    void quotesGetABar() {
        assertEquals(List.of("│ quoted words that", "│ wrap", "│ ", "│ │ 인용"),
                texts("> quoted words that wrap\n>\n> > 인용", 20));
        assertEquals(LineKind.QUOTE, renderer.render("> q", 20).get(0).kind());
    }

    @Test
    void ruleSpansTheWidth() {
        StyledLine rule = renderer.render("---", 12).get(0);
        assertEquals(LineKind.RULE, rule.kind());
        assertEquals("─".repeat(12), rule.text());
    }

    @Test
    void englishTableAlignsColumns() {
        String md = "| Model | Price |\n|---|---:|\n| gpt-4.1 | 2 |\n| deepseek-v3.2 | 0.28 |";
        assertEquals(List.of(
                "┌───────────────┬───────┐",
                "│ Model         │ Price │",
                "├───────────────┼───────┤",
                "│ gpt-4.1       │     2 │",
                "│ deepseek-v3.2 │  0.28 │",
                "└───────────────┴───────┘"), texts(md, 80));
    }

    @Test
    void koreanTableColumnsLineUpByDisplayWidth() {
        String md = "| 이름 | 도시 | 비고 |\n|:--|:-:|--:|\n| 김철수 | 서울 | ok |\n| Bob | 부산광역시 | 한국어 설명 |";
        List<StyledLine> lines = renderer.render(md, 80);
        assertEquals(List.of(
                "┌────────┬────────────┬─────────────┐",
                "│ 이름   │    도시    │        비고 │",
                "├────────┼────────────┼─────────────┤",
                "│ 김철수 │    서울    │          ok │",
                "│ Bob    │ 부산광역시 │ 한국어 설명 │",
                "└────────┴────────────┴─────────────┘"), texts(md, 80));
        int width = lines.get(0).width();
        for (StyledLine line : lines) {
            assertEquals(LineKind.TABLE, line.kind());
            assertEquals(width, line.width(), line.text());
            assertEquals(columnsOf(lines.get(0).text()), columnsOf(line.text()), line.text());
        }
        assertTrue(spanWith(lines.get(1), "이름").style().bold());
    }

    @Test
    void tooWideTableWrapsItsCells() {
        String md = "| a | b |\n|---|---|\n| " + "word ".repeat(12) + "| 짧음 |";
        for (StyledLine line : renderer.render(md, 30)) {
            assertTrue(line.width() <= 30, line.text());
        }
    }

    /** Display columns where a vertical border or junction sits. */
    private static List<Integer> columnsOf(String row) {
        List<Integer> cols = new ArrayList<>();
        int col = 0;
        for (String g : Graphemes.split(row)) {
            if ("│┬┼┴┌┐└┘├┤".contains(g)) {
                cols.add(col);
            }
            col += DisplayWidth.of(g);
        }
        return cols;
    }

    @Test
    void hostileTextNeverReachesTheOutputAsEscapes() {
        String md = "# Title\u001B]0;pwned\u0007\n\n"
                + "text &#x1b;[2J cleared? &#155;31m\n\n"
                + "[click](https://evil.example/\u001B]52;c;ZXZpbA==\u0007) and [e](&#x1b;]52;c;eA==&#x07;)\n\n"
                + "```sh\nrm -rf /\u001B[2J\u001B[1A\rsafe\u009B2J\n```\n\n"
                + "| h | \u001BP+q\u001B\\ |\n|---|---|\n| \u001B]0;t\u0007cell | \u001B_apc\u001B\\x |\n\n"
                + "- item \u001B[31mred\n\n> quote \u0007\b\u0000";
        List<StyledLine> lines = renderer.render(md, 60);
        for (StyledLine line : lines) {
            for (Span span : line.spans()) {
                assertEquals(TerminalSanitizer.clean(span.text()), span.text(), "control left in " + span);
                for (char c : span.text().toCharArray()) {
                    assertFalse(c < 0x20 || (c >= 0x7F && c <= 0x9F), "control " + (int) c + " in " + span);
                }
            }
        }
        String plain = String.join("\n", new AnsiWriter(ColorMode.NEVER).line(lines.get(0)));
        assertFalse(plain.contains("\u001B"));
        assertTrue(texts(md, 60).contains("rm -rf /safe"));
    }

    @Test
    void lineBreaksImagesAndHtmlShowAsText() {
        assertEquals(List.of("one two"), texts("one\ntwo", 40));
        assertEquals(List.of("one", "two"), texts("one  \ntwo", 40));
        assertEquals(List.of("[image: a cat] https://x.io/cat.png"), texts("![a cat](https://x.io/cat.png)", 80));
        StyledLine inline = renderer.render("a <b>bold</b> c", 40).get(0);
        assertEquals("a <b>bold</b> c", inline.text());
        assertTrue(spanWith(inline, "<b>").style().dim());
        assertFalse(spanWith(inline, "a ").style().dim());
        List<StyledLine> block = renderer.render("<div>\nhello\n</div>", 40);
        assertEquals(List.of("<div>", "hello", "</div>"), block.stream().map(StyledLine::text).toList());
        assertTrue(block.get(1).spans().get(0).style().dim());
    }

    @Test
    void indentedCodeIsACodeBlockWithoutALabel() {
        List<StyledLine> lines = renderer.render("Intro:\n\n    int x = 1;\n    x++;", 20);
        assertEquals(List.of("Intro:", "", "int x = 1;", "x++;"), texts("Intro:\n\n    int x = 1;\n    x++;", 20));
        assertEquals(LineKind.CODE, lines.get(2).kind());
        assertEquals(20, lines.get(3).width());
    }

    @Test
    void aCodeLineExactlyAsWideAsTheScreenDoesNotOverflow() {
        List<StyledLine> lines = renderer.render("```\n" + "x".repeat(20) + "\n" + "y".repeat(21) + "\n```", 20);
        assertFalse(lines.get(0).overflows());
        assertEquals(20, lines.get(0).width());
        assertTrue(lines.get(1).overflows());
    }

    @Test
    void looseListsKeepABlankLineBetweenItemsAndTightOnesDoNot() {
        assertEquals(List.of("• a", "• b"), texts("- a\n- b", 20));
        assertEquals(List.of("• a", "", "• b"), texts("- a\n\n- b", 20));
        assertEquals(List.of("1) one", "2) two"), texts("1) one\n2) two", 20));
    }

    @Test
    void codeInsideListsAndQuotesStaysCode() {
        List<StyledLine> item = renderer.render("- run:\n\n  ```\n  ls\n  ```", 20);
        assertEquals(List.of(LineKind.LIST_ITEM, LineKind.BLANK, LineKind.CODE),
                item.stream().map(StyledLine::kind).toList());
        List<StyledLine> quote = renderer.render("> run:\n>\n> ```\n> ls\n> ```", 20);
        assertEquals(List.of(LineKind.QUOTE, LineKind.QUOTE, LineKind.CODE),
                quote.stream().map(StyledLine::kind).toList());
        assertEquals("│ ls", quote.get(2).text().stripTrailing());
    }

    @Test
    void aTableWiderThanTheScreenNarrowsItsWideColumnsToFitExactly() {
        String md = "| id | 상태 메시지 | " + "description ".repeat(4) + "| note |\n|---|---|---|---|\n"
                + "| 1 | 완료 | x | 설명은 길어서 여러 줄로 나뉩니다 |";
        List<StyledLine> lines = renderer.render(md, 49);
        // Borders and padding take 13 of the 49 columns. A fair share of the 36 left is 9:
        // "id" (2) keeps its width; of the 34 then left a share is 11, which "상태 메시지" keeps;
        // the two wide columns split the last 23, the odd column going to the first.
        assertEquals("┌────┬─────────────┬──────────────┬─────────────┐", lines.get(0).text());
        for (StyledLine line : lines) {
            assertEquals(49, line.width(), line.text());
            assertFalse(line.overflows(), line.text());
            assertEquals(columnsOf(lines.get(0).text()), columnsOf(line.text()), line.text());
        }
        // The Korean cell wraps at its spaces and arrives whole.
        List<String> cell = new ArrayList<>();
        int separator = lines.stream().map(StyledLine::text).toList().indexOf("├────┼─────────────┼──────────────┼─────────────┤");
        for (StyledLine line : lines.subList(separator + 1, lines.size() - 1)) {
            cell.add(line.text().split("│")[4].strip());
        }
        assertEquals("설명은 길어서 여러 줄로 나뉩니다", String.join(" ", cell));
    }

    @Test
    void aTableThatCannotFitIsFlaggedAsOverflowing() {
        List<StyledLine> lines = renderer.render("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |", 5);
        assertEquals("│ a │ b │ c │", lines.get(1).text());
        // Every line of it, borders too: the screen marks each one it cuts.
        assertEquals(5, lines.size());
        for (StyledLine line : lines) {
            assertTrue(line.overflows(), line.text());
        }
        for (StyledLine line : renderer.render("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |", 13)) {
            assertFalse(line.overflows(), line.text());
        }
    }

    @Test
    void rowsWithTooFewOrTooManyCellsKeepTheHeadersColumns() {
        assertEquals(List.of(
                "┌──────┬───┐",
                "│ a    │ b │",
                "├──────┼───┤",
                "│ only │   │",
                "│ 1    │ 2 │",
                "└──────┴───┘"), texts("| a | b |\n|---|---|\n| only |\n| 1 | 2 | 3 |", 40));
    }
}
