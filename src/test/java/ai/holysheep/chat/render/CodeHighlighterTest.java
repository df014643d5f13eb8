package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.holysheep.chat.render.CodeHighlighter.Family;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each character of a code block is coloured as, one letter per character: K keyword,
 * S string, C comment, N number, B JSON key, V shell variable, '.' the block's own colour.
 */
class CodeHighlighterTest {
    private static List<String> classes(String code, Family family) {
        List<String> out = new ArrayList<>();
        for (List<Span> line : CodeHighlighter.highlight(code, family, Style.PLAIN)) {
            StringBuilder sb = new StringBuilder();
            for (Span span : line) {
                sb.append(String.valueOf(letter(span.style())).repeat(span.text().length()));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static char letter(Style style) {
        if (style.foreground() == null) {
            return '.';
        }
        return switch (style.foreground()) {
            case BRIGHT_MAGENTA -> 'K';
            case GREEN -> 'S';
            case GRAY -> 'C';
            case CYAN -> 'N';
            case BLUE -> 'B';
            case YELLOW -> 'V';
            default -> '?';
        };
    }

    @Test
    void cLikeCommentsStringsNumbersAndKeywords() {
        assertEquals(List.of("..CCCCCCC.."), classes("a /* b */ c", Family.C_LIKE));
        assertEquals(List.of("CCCCCCCC.."), classes("/*/ b */ c", Family.C_LIKE));
        // An unclosed block comment runs to the end of the block.
        assertEquals(List.of("..CCCCCCC", "CCCCC"), classes("x /* open\nstill", Family.C_LIKE));
        assertEquals(List.of("....SSSSSS"), classes("s = \"a\\\"b\"", Family.C_LIKE));
        // A quote left open ends with its line; a template string goes on.
        assertEquals(List.of("SS", "."), classes("'a\nb", Family.C_LIKE));
        assertEquals(List.of("SS", "SS"), classes("`t\nu`", Family.C_LIKE));
        assertEquals(List.of("....SSSSS"), classes("s = \"open", Family.C_LIKE));
        // A member named like a keyword, and digits inside a name, are left alone.
        assertEquals(List.of("KKKKKK..............NNNNNNNNN"), classes("return obj.class x1 1_000.5e3", Family.C_LIKE));
    }

    @Test
    void pythonTripleQuotedStringsSpanLines() {
        assertEquals(List.of("....SSSS", "SSSS...N"), classes("s = '''a\nb''' + 1", Family.PYTHON));
        assertEquals(List.of("....SSSSSSS"), classes("x = \"\"\"open", Family.PYTHON));
        assertEquals(List.of("KKK......CCC"), classes("def f(): # c", Family.PYTHON));
    }

    @Test
    void shellCommentsVariablesAndQuotes() {
        // '#' starts a comment only after a space.
        assertEquals(List.of("KKKK.....CCC"), classes("echo a#b # c", Family.SHELL));
        assertEquals(List.of("VVVVVVV.VVVV..VV...."), classes("${HOME}/$1$?x ${open", Family.SHELL));
        assertEquals(List.of("VV.", "."), classes("${a\n}", Family.SHELL));
        assertEquals(List.of("KKKK.."), classes("echo $", Family.SHELL));
        assertEquals(List.of("...."), classes("x# y", Family.SHELL));
        assertEquals(List.of(".VVVV"), classes("}${a}", Family.SHELL));
        // Single quotes take no escapes; double quotes go on over lines.
        assertEquals(List.of("SSSS.."), classes("'a\\' b", Family.SHELL));
        assertEquals(List.of("SS", "SS"), classes("\"a\nb\"", Family.SHELL));
    }

    @Test
    void sqlQuotesTakeNoEscapesAndKeywordsAnyCase() {
        assertEquals(List.of("SSSSSSS.CCCCCCC.CCCC"), classes("'it''s' /* c */ -- d", Family.SQL));
        assertEquals(List.of("KKKKKK...KKKK"), classes("Select x FROM", Family.SQL));
    }

    @Test
    void jsonKeysAreStringsBeforeAColon() {
        assertEquals(List.of(".BBB...KKKK..BBB...KKKK..SSS.KKKKK."),
                classes("{\"k\" : true, \"v\"\t: null, \"s\" false}", Family.JSON));
        assertEquals(List.of("SSS"), classes("\"k\"", Family.JSON));
    }
}
