package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTerminalPrinterTest {
    private static final String ANSWER = "## 요약\n\n"
            + "네트워크가 끊겨도 답변은 **중복 없이** 이어집니다. A second sentence makes this wrap.\n\n"
            + "```bash\ncurl -N https://api.holysheep.ai/v1/chat/completions -d @request.json\n```\n\n"
            + "| 모델 | 가격 |\n|---|--:|\n| gpt-4.1 | 2 |\n| deepseek-v3.2 | 0.28 |\n\n"
            + "- 하나\n- 둘\n";

    private static LiveTerminalPrinter uncoloured(StringBuilder out, int width) {
        return new LiveTerminalPrinter(out, new AnsiWriter(ColorMode.NEVER), width);
    }

    /** What a terminal's scrollback holds after the output: CR + erase-line clears the current row. */
    private static List<String> scrollback(String output) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < output.length(); i++) {
            if (output.startsWith("\r\u001B[2K", i)) {
                row.setLength(0);
                i += 4;
            } else if (output.charAt(i) == '\n') {
                rows.add(row.toString());
                row.setLength(0);
            } else {
                row.append(output.charAt(i));
            }
        }
        assertEquals("", row.toString(), "the cursor ends on a fresh line");
        return rows;
    }

    @Test
    void scrollbackHoldsExactlyOneCleanCopy() {
        for (int piece : new int[] {1, 4, 50}) {
            StringBuilder out = new StringBuilder();
            LiveTerminalPrinter printer = uncoloured(out, 40);
            for (int i = 0; i < ANSWER.length(); i += piece) {
                printer.append(ANSWER.substring(i, Math.min(ANSWER.length(), i + piece)));
            }
            printer.finish();
            AnsiWriter plain = new AnsiWriter(ColorMode.NEVER);
            List<String> expected = new MarkdownRenderer().render(ANSWER, 40).stream().map(plain::line).toList();
            assertEquals(expected, scrollback(out.toString()), "pieces of " + piece);
        }
    }

    @Test
    void finishedLinesArePrintedOnceAndOnlyTheLastLineIsRedrawn() {
        StringBuilder out = new StringBuilder();
        LiveTerminalPrinter printer = uncoloured(out, 40);
        printer.append("First line.\n\nSecond gr");
        assertEquals("First line.\n\n\r\u001B[2KSecond gr", out.toString());
        out.setLength(0);
        printer.append("ows");
        assertEquals("\r\u001B[2KSecond grows", out.toString());
        out.setLength(0);
        printer.finish();
        assertEquals("\r\u001B[2KSecond grows\n", out.toString());
    }

    @Test
    void aLiveCodeLineWiderThanTheTerminalIsCutWithAMarker() {
        StringBuilder out = new StringBuilder();
        LiveTerminalPrinter printer = uncoloured(out, 20);
        printer.append("```\nthis code line is much wider than twenty columns");
        String redraw = out.substring(out.lastIndexOf("\r\u001B[2K") + 5);
        assertTrue(redraw.endsWith("›"), redraw);
        assertTrue(DisplayWidth.of(redraw) <= 20, redraw);
    }

    @Test
    void coloursOnlyWhenAsked() {
        StringBuilder out = new StringBuilder();
        LiveTerminalPrinter printer = new LiveTerminalPrinter(out, new AnsiWriter(ColorMode.ALWAYS), 40);
        printer.append("**bold**\n\nx");
        printer.finish();
        assertTrue(out.toString().contains("\u001B[0;1mbold\u001B[0m"), out.toString());
        StringBuilder plain = new StringBuilder();
        LiveTerminalPrinter noColour = new LiveTerminalPrinter(plain, new AnsiWriter(ColorMode.NEVER), 40);
        noColour.append("**bold** \u001B[31mred");
        noColour.finish();
        assertFalse(plain.toString().replace("\r\u001B[2K", "").contains("\u001B"), plain.toString());
    }

    /** What the last redraw put on the live row. */
    private static String liveRow(CharSequence out) {
        String s = out.toString();
        return s.substring(s.lastIndexOf("\r\u001B[2K") + 5);
    }

    @Test
    void aLiveLineExactlyAsWideAsTheTerminalIsShownWhole() {
        StringBuilder out = new StringBuilder();
        LiveTerminalPrinter printer = uncoloured(out, 20);
        printer.append("```\n" + "x".repeat(20));
        assertEquals("x".repeat(20), liveRow(out));
    }

    @Test
    void aColouredCodeLineIsCutAtTheWidthAcrossItsSpans() {
        StringBuilder out = new StringBuilder();
        LiveTerminalPrinter printer = uncoloured(out, 20);
        printer.append("```java\nint total = 12345678901 + count;");
        assertEquals("int total = 1234567›", liveRow(out));
    }

    @Test
    void aGrowingTableStaysOffTheScrollbackAndShowsItsNewestRow() {
        StringBuilder out = new StringBuilder();
        LiveTerminalPrinter printer = uncoloured(out, 40);
        printer.append("Prices:\n\n| model | price |\n|---|---|\n| a | 1 |\n");
        assertEquals("│ a     │ 1     │", liveRow(out));
        assertEquals(List.of("Prices:", ""), scrollback(out.substring(0, out.lastIndexOf("\r\u001B[2K"))));
        printer.append("| deepseek-v3.2 | 0.28 |\n");
        assertEquals("│ deepseek-v3.2 │ 0.28  │", liveRow(out));
        printer.finish();
        assertEquals(List.of("Prices:", "",
                "┌───────────────┬───────┐",
                "│ model         │ price │",
                "├───────────────┼───────┤",
                "│ a             │ 1     │",
                "│ deepseek-v3.2 │ 0.28  │",
                "└───────────────┴───────┘"), scrollback(out.toString()));
    }

    @Test
    void anAnswerThatOpensWithATableHoldsItBackToo() {
        StringBuilder out = new StringBuilder();
        LiveTerminalPrinter printer = uncoloured(out, 40);
        printer.append("| model | price |\n|---|---|\n| a | 1 |\n");
        assertEquals("│ a     │ 1     │", liveRow(out));
        assertFalse(out.toString().contains("\n"), "nothing in the scrollback yet");
        printer.append("| deepseek-v3.2 | 0.28 |\n");
        printer.finish();
        assertEquals(List.of(
                "┌───────────────┬───────┐",
                "│ model         │ price │",
                "├───────────────┼───────┤",
                "│ a             │ 1     │",
                "│ deepseek-v3.2 │ 0.28  │",
                "└───────────────┴───────┘"), scrollback(out.toString()));
    }
}
