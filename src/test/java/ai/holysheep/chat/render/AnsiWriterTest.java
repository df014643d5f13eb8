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
}
