package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalSanitizerTest {
    /** Hostile payload → what a reader should see. */
    private static final Map<String, String> PAYLOADS = new LinkedHashMap<>();

    static {
        PAYLOADS.put("before\u001B[2J\u001B[Hafter", "beforeafter");
        PAYLOADS.put("up\u001B[10Aleft\u001B[5;10H\u001B[0m\u001B[?25l!", "upleft!");
        PAYLOADS.put("copy\u001B]52;c;ZWNobyBwd25lZAo=\u0007me", "copyme");
        PAYLOADS.put("copy\u001B]52;c;ZWNobyBwd25lZAo=\u001B\\me", "copyme");
        PAYLOADS.put("\u001B]0;owned title\u0007안녕", "안녕");
        PAYLOADS.put("a\u001BP1$r0m\u001B\\b", "ab");
        PAYLOADS.put("a\u001B_app command\u001B\\b\u001B^privacy\u001B\\c\u001BXsos\u001B\\d", "abcd");
        PAYLOADS.put("8bit\u009B2J csi\u009D0;t\u009C osc\u0090dcs\u009C!", "8bit csi osc!");
        PAYLOADS.put("bell\u0007 back\b\b\bspace", "bell backspace");
        PAYLOADS.put("secret\rpublic", "secretpublic");
        PAYLOADS.put("line\r\nnext\r\n", "line\nnext\n");
        PAYLOADS.put("nul\u0000 ff\u000C del\u007F c1\u0085\u008D", "nul ff del c1");
        PAYLOADS.put("esc alone\u001B", "esc alone");
        PAYLOADS.put("bidi\u202Egnp.exe \u2066iso\u2069 \u202Aemb\u202C", "bidignp.exe iso emb");
        PAYLOADS.put("keypad\u001B=\u001B>charset\u001B(B\u001B#8done", "keypadcharsetdone");
        PAYLOADS.put("tab\tand\nnewline 👍🏽 e\u0301", "tab\tand\nnewline 👍🏽 e\u0301");
        PAYLOADS.put("osc aborted by esc\u001B]0;x\u001B[31mred", "osc aborted by escred");
        // Final bytes at both ends of their ranges: '@' and '~' end a CSI (insert characters,
        // the bracketed-paste marker), '0' and '~' an ESC sequence, and ' ' and '/' are
        // intermediates (cursor shape, 7-bit controls, the DEC line-drawing charset).
        PAYLOADS.put("ins\u001B[5@ert paste\u001B[200~d\u001B[201~", "insert pasted");
        PAYLOADS.put("save\u001B7d\u001B8 \u001B0x\u001B~y", "saved xy");
        PAYLOADS.put("cursor\u001B[2 q \u001B F7bit \u001B(0lines\u001B(B \u001B/A\u001B(/B\u001B(~z", "cursor 7bit lines z");
        PAYLOADS.put("apc\u009F_payload\u009C 8bit", "apc 8bit");
        // A sequence cut short by a character that cannot belong to it: the character is kept,
        // so Hangul after a broken sequence arrives intact.
        PAYLOADS.put("a\u001B[31한글\u001B(\nb\u001B한", "a한글\nb한");
        PAYLOADS.put("edges\u001F\u0020\u007E\u007F\u0080\u00A0!", "edges ~\u00A0!");
    }

    @Test
    void hostilePayloadsAreNeutralisedWhole() {
        PAYLOADS.forEach((payload, expected) -> assertEquals(expected, TerminalSanitizer.clean(payload), payload));
    }

    @Test
    void splittingAPayloadAnywhereGivesTheSameOutput() {
        for (Map.Entry<String, String> e : PAYLOADS.entrySet()) {
            String payload = e.getKey();
            for (int cut = 0; cut <= payload.length(); cut++) {
                TerminalSanitizer s = new TerminalSanitizer();
                String out = s.feed(payload.substring(0, cut)) + s.feed(payload.substring(cut)) + s.finish();
                assertEquals(e.getValue(), out, "cut at " + cut + " of " + payload);
            }
        }
    }

    @Test
    void splittingIntoSingleCharactersGivesTheSameOutput() {
        for (Map.Entry<String, String> e : PAYLOADS.entrySet()) {
            TerminalSanitizer s = new TerminalSanitizer();
            StringBuilder out = new StringBuilder();
            e.getKey().chars().forEach(c -> out.append(s.feed(String.valueOf((char) c))));
            out.append(s.finish());
            assertEquals(e.getValue(), out.toString());
        }
    }

    @Test
    void noFedChunkEndsInHalfASurrogatePair() {
        TerminalSanitizer s = new TerminalSanitizer();
        String emoji = "👍";
        assertEquals("a", s.feed("a" + emoji.charAt(0)));
        assertEquals(emoji + "b", s.feed(emoji.charAt(1) + "b"));
    }

    @Test
    void unterminatedOscIsAbandonedNotBufferedForever() {
        TerminalSanitizer s = new TerminalSanitizer();
        assertEquals("start", s.feed("start\u001B]52;c;"));
        // Eight KB of clipboard payload with no terminator: the sequence is given up on, and
        // the answer after it is shown instead of being swallowed with it.
        String junk = "A".repeat(TerminalSanitizer.MAX_STRING_SEQUENCE - 5);
        assertEquals("", s.feed(junk));
        assertEquals("the answer goes on", s.feed("-the answer goes on\u001B[2J"));
    }

    @Test
    void aLoneControlIsNeverTakenForCleanText() {
        assertEquals("ab", TerminalSanitizer.clean("a\u007Fb"));
        assertEquals("a", TerminalSanitizer.clean("a\u009Fb"));
        assertEquals("a", TerminalSanitizer.clean("a\u0080"));
        // Text cut inside an emoji never ends in half of it.
        assertEquals("ok", TerminalSanitizer.clean("ok" + "👍".charAt(0)));
    }

    @Test
    void anEmojiFedOneHalfAtATimeComesOutWhole() {
        TerminalSanitizer s = new TerminalSanitizer();
        String emoji = "👍";
        assertEquals("", s.feed(emoji.substring(0, 1)));
        assertEquals(emoji, s.feed(emoji.substring(1)));
    }

    @Test
    void overlongControlSequencesAreGivenUpSoTheTextAfterThemShows() {
        // 255 parameter or intermediate characters are still one sequence; the 256th ends it,
        // and what follows is text again.
        assertEquals("ab", TerminalSanitizer.clean("a\u001B[" + "1".repeat(255) + "mb"));
        assertEquals("a" + "1".repeat(10) + "mb", TerminalSanitizer.clean("a\u001B[" + "1".repeat(265) + "mb"));
        assertEquals("ab", TerminalSanitizer.clean("a\u001B(" + " ".repeat(255) + "Bb"));
        assertEquals("a" + " ".repeat(10) + "Bb", TerminalSanitizer.clean("a\u001B(" + " ".repeat(265) + "Bb"));
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String text = "plain 한글 text\n";
        assertSame(text, TerminalSanitizer.clean(text));
        assertEquals("", TerminalSanitizer.clean(null));
        assertFalse(TerminalSanitizer.clean("\u001B[31mx").contains("\u001B"));
    }
}
