package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnsiWriterTest {
    private final StyledLine line = new StyledLine(List.of(
            Span.plain("a "),
            new Span("bold", Style.PLAIN.withBold().withForeground(Color.BRIGHT_CYAN)),
            Span.plain(" b "),
            new Span("code", MarkdownRenderer.CODE_BLOCK)), LineKind.PARAGRAPH);

    @Test
    void alwaysWritesSgrPerStyledSpanAndResets() {
        assertEquals("a \u001B[0;1;96mbold\u001B[0m b \u001B[0;48;5;236mcode\u001B[0m",
                new AnsiWriter(ColorMode.ALWAYS).line(line));
    }

    @Test
    void neverWritesPlainText() {
        assertEquals("a bold b code", new AnsiWriter(ColorMode.NEVER).line(line));
    }

    @Test
    void eachColourHasItsOwnCode() {
        assertEquals("\u001B[0;33m", AnsiWriter.sgr(Style.PLAIN.withForeground(Color.YELLOW)));
        assertEquals("\u001B[0;37;40m", AnsiWriter.sgr(Style.PLAIN.withForeground(Color.WHITE).withBackground(Color.BLACK)));
        assertEquals("\u001B[0;90m", AnsiWriter.sgr(Style.PLAIN.withForeground(Color.GRAY)));
        assertEquals("\u001B[0;97;100m", AnsiWriter.sgr(Style.PLAIN.withForeground(Color.BRIGHT_WHITE).withBackground(Color.GRAY)));
        assertEquals("\u001B[0;2;3;4;9m", AnsiWriter.sgr(Style.PLAIN.withDim().withItalic().withUnderline().withStrikethrough()));
    }

    @Test
    void plainTextLeavesOutTheCodeBoxPaddingButNotTheText() {
        AnsiWriter plain = new AnsiWriter(ColorMode.NEVER);
        List<StyledLine> code = new MarkdownRenderer().render("```\nx = 1\n```", 20);
        assertEquals("x = 1", plain.line(code.get(0)));
        StyledLine paragraph = new StyledLine(List.of(Span.plain("a "), Span.plain("b ")), LineKind.PARAGRAPH);
        assertEquals("a b ", plain.line(paragraph));
    }
}
