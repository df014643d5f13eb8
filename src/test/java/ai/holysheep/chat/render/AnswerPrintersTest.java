package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The printers for pipes, files and pagers: what they write, and when. */
class AnswerPrintersTest {
    @Test
    void plainOutputIsTheSanitisedMarkdownEndingInANewline() {
        StringBuilder out = new StringBuilder();
        PlainPrinter printer = new PlainPrinter(out);
        printer.append("# 제목\n\nsafe \u001B]52;c;ZXZp");
        printer.append("bA==\u0007text \u001B[");
        assertEquals("# 제목\n\nsafe text ", out.toString());
        printer.append("2J**end**");
        printer.finish();
        assertEquals("# 제목\n\nsafe text **end**\n", out.toString());
    }

    @Test
    void plainOutputAddsNoNewlineToAnAnswerThatHasOneOrToNothing() {
        StringBuilder out = new StringBuilder();
        PlainPrinter printer = new PlainPrinter(out);
        printer.append("line\n");
        printer.append("");
        printer.finish();
        assertEquals("line\n", out.toString());
        StringBuilder none = new StringBuilder();
        PlainPrinter empty = new PlainPrinter(none);
        empty.append("\u001B[2J");
        empty.finish();
        assertEquals("", none.toString());
    }

    @Test
    void anAbandonedPlainAnswerEndsItsLine() {
        StringBuilder out = new StringBuilder();
        PlainPrinter printer = new PlainPrinter(out);
        printer.append("cut off mid");
        printer.abandon();
        assertEquals("cut off mid\n", out.toString());
    }

    @Test
    void anEmptyCodeBlockIsAnEmptyEntry() {
        StringBuilder out = new StringBuilder();
        CodePrinter printer = new CodePrinter(out, () -> { });
        printer.append("```\n```\n\n```\nx\n```");
        printer.finish();
        assertEquals("\nx\n", out.toString());
    }

    @Test
    void codeOutputIsEveryBlockSanitisedWithABlankLineBetween() {
        StringBuilder out = new StringBuilder();
        AtomicInteger noCode = new AtomicInteger();
        CodePrinter printer = new CodePrinter(out, noCode::incrementAndGet);
        printer.append("Run this:\n\n```sh\nls -l\u001B[2J\n```\n\nthen\n\n    echo 한글");
        assertEquals("", out.toString(), "nothing before the answer ends");
        printer.finish();
        assertEquals("ls -l\n\necho 한글\n", out.toString());
        assertEquals(0, noCode.get());
    }

    @Test
    void anAnswerWithoutCodeIsReportedAndAnAbandonedOneWritesNothing() {
        StringBuilder out = new StringBuilder();
        AtomicInteger noCode = new AtomicInteger();
        CodePrinter printer = new CodePrinter(out, noCode::incrementAndGet);
        printer.append("```\nold\n```");
        printer.abandon();
        printer.append("only prose");
        printer.finish();
        assertEquals("", out.toString());
        assertEquals(1, noCode.get());
        // The answer is not kept for the next one.
        printer.append("```\nnew\n```");
        printer.finish();
        assertEquals("new\n", out.toString());
    }

    @Test
    void blockOutputWritesEachBlockOnceWhenItIsFinished() {
        StringBuilder out = new StringBuilder();
        BlockPrinter printer = new BlockPrinter(out, new AnsiWriter(ColorMode.ALWAYS), 40);
        printer.append("**First** block.\n\nSecond gr");
        assertEquals("\u001B[0;1mFirst\u001B[0m block.\n", out.toString());
        printer.append("ows");
        assertEquals("\u001B[0;1mFirst\u001B[0m block.\n", out.toString());
        printer.finish();
        assertEquals("\u001B[0;1mFirst\u001B[0m block.\n\nSecond grows\n", out.toString());
    }

    @Test
    void blockOutputMatchesTheWholeRender() {
        String answer = "## 요약\n\n- 하나\n- 둘\n\n```js\nlet a = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        StringBuilder out = new StringBuilder();
        AnsiWriter writer = new AnsiWriter(ColorMode.NEVER);
        BlockPrinter printer = new BlockPrinter(out, writer, 30);
        for (int i = 0; i < answer.length(); i += 3) {
            printer.append(answer.substring(i, Math.min(answer.length(), i + 3)));
        }
        printer.finish();
        List<StyledLine> lines = new MarkdownRenderer().render(answer, 30);
        StringBuilder expected = new StringBuilder();
        lines.forEach(l -> expected.append(writer.line(l)).append('\n'));
        assertEquals(expected.toString(), out.toString());
        assertFalse(out.toString().contains("\u001B"));
        assertTrue(out.toString().endsWith("┘\n"));
    }
}
