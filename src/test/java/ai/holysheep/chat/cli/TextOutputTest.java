package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.stream.FailureKind;
import ai.holysheep.chat.stream.StreamEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextOutputTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Io io(boolean stdoutTerminal, boolean stderrTerminal, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("COLUMNS", "40", "TERM", "xterm-256color"));
        env.putAll(extraEnv);
        return new Io(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(err, false, StandardCharsets.UTF_8),
                env, true, stdoutTerminal, stderrTerminal);
    }

    private TextOutput output(Io io, boolean raw, AnswerStyle.Choice choice) {
        return new TextOutput(io, () -> AnswerStyle.printer(io, raw, choice),
                AnswerStyle.colour(choice, io.stderrIsTerminal(), io.env()));
    }

    @Test
    void thePrinterIsMadeWhenPreparedWhileTheRequestIsOnItsWayNotBefore() {
        int[] made = {0};
        TextOutput output = counted(io(true, false, Map.of()), false, made);
        assertEquals(0, made[0], "building the output measures no terminal");
        output.prepare();
        assertEquals(1, made[0]);
        answer(output, "안녕, ", "world");
        assertEquals(1, made[0]);
        assertTrue(screen().contains("안녕, world"), stdout());
    }

    @Test
    void withoutPreparingThePrinterIsMadeByTheFirstEvent() {
        int[] made = {0};
        TextOutput output = counted(io(false, false, Map.of()), true, made);
        answer(output, "plain");
        assertEquals(1, made[0]);
        assertEquals("plain\n", stdout());
    }

    /** An output whose printers are counted in {@code made[0]} as they are made. */
    private static TextOutput counted(Io io, boolean raw, int[] made) {
        return new TextOutput(io, () -> {
            made[0]++;
            return AnswerStyle.printer(io, raw, AnswerStyle.Choice.never);
        }, false);
    }

    private static void answer(TextOutput output, String... deltas) {
        for (String delta : deltas) {
            output.show(new StreamEvent.Delta(delta));
            output.flush();
        }
        output.show(new StreamEvent.Done("stop"));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the terminal shows afterwards: redraws replace the current row, SGR codes are dropped. */
    private String screen() {
        StringBuilder rows = new StringBuilder();
        for (String piece : stdout().replaceAll("\u001B\\[[0-9;]*m", "").split("\n", -1)) {
            int redraw = piece.lastIndexOf("\r\u001B[2K");
            rows.append(redraw < 0 ? piece : piece.substring(redraw + 5)).append('\n');
        }
        return rows.substring(0, rows.length() - 1);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void intoAPipeTheModelsMarkdownArrivesPlainAndSanitised() {
        TextOutput output = output(io(false, false, Map.of()), false, AnswerStyle.Choice.auto);
        answer(output, "# 제목\n\n**굵게** text\u001B]52;c;ZX", "Zp\u0007 and \u001B[2", "Jmore");
        assertEquals("# 제목\n\n**굵게** text and more\n", stdout());
    }

    @Test
    void onATerminalTheAnswerIsRenderedWithColour() {
        TextOutput output = output(io(true, true, Map.of()), false, AnswerStyle.Choice.auto);
        answer(output, "Some **bold** wo", "rds.\n\n- one\n- two");
        String shown = stdout();
        assertTrue(shown.contains("\u001B[0;1mbold\u001B[0m"), shown);
        assertEquals("Some bold words.\n\n• one\n• two\n", screen());
    }

    @Test
    void noColorKeepsTheLayoutButDropsColour() {
        TextOutput output = output(io(true, true, Map.of("NO_COLOR", "1")), false, AnswerStyle.Choice.auto);
        answer(output, "Some **bold** words.");
        assertFalse(stdout().contains("\u001B[0"), stdout());
        assertEquals("Some bold words.\n", screen());
    }

    @Test
    void rawOnATerminalWritesTheMarkdownAsSent() {
        TextOutput output = output(io(true, true, Map.of()), true, AnswerStyle.Choice.auto);
        answer(output, "Some **bold**");
        assertEquals("Some **bold**\n", stdout());
    }

    @Test
    void colorAlwaysIntoAPipeRendersBlocksWithoutRedrawing() {
        TextOutput output = output(io(false, false, Map.of("NO_COLOR", "1")), false, AnswerStyle.Choice.always);
        answer(output, "Some **bold**\n\n", "next");
        String shown = stdout();
        assertTrue(shown.contains("\u001B[0;1mbold\u001B[0m"), shown);
        assertFalse(shown.contains("\r"), shown);
        assertTrue(shown.endsWith("next\n"), shown);
    }

    @Test
    void reasoningGoesToATerminalStderrDimmedAndNeverToAPipe() {
        TextOutput dimmed = output(io(false, true, Map.of()), false, AnswerStyle.Choice.auto);
        dimmed.show(new StreamEvent.Reasoning("thinking \u001B]0;title\u0007hard"));
        answer(dimmed, "answer");
        assertEquals("\u001B[2mthinking hard\u001B[0m\n", stderr());
        assertEquals("answer\n", stdout());

        err.reset();
        TextOutput plain = output(io(false, true, Map.of("NO_COLOR", "")), false, AnswerStyle.Choice.never);
        plain.show(new StreamEvent.Reasoning("thinking"));
        answer(plain, "answer");
        assertEquals("thinking\n", stderr());

        err.reset();
        TextOutput piped = output(io(false, false, Map.of()), false, AnswerStyle.Choice.auto);
        piped.show(new StreamEvent.Reasoning("thinking"));
        answer(piped, "answer");
        assertEquals("", stderr());
    }

    @Test
    void serverErrorTextIsSanitisedOnStderr() {
        TextOutput output = output(io(false, false, Map.of()), false, AnswerStyle.Choice.auto);
        output.show(new StreamEvent.Failed(FailureKind.REJECTED, "bad model \u001B[2J\u001B]0;x\u0007name"));
        assertEquals("holysheep-chat: bad model name\n", stderr());
        err.reset();
        output.show(new StreamEvent.GaveUp(5, Duration.ofSeconds(30), "502 \u009B2Jbad gateway"));
        assertEquals("holysheep-chat: gave up after 5 attempts over 30s: 502 bad gateway\n", stderr());
    }

    @Test
    void codeOnlyOutputPrintsOnlyTheRestartedAnswersCodeWhenTheFirstWasTakenBack() {
        Io io = io(false, false, Map.of());
        TextOutput output = new TextOutput(io, () -> new ai.holysheep.chat.render.CodePrinter(io.out(), () -> { }), false);
        output.show(new StreamEvent.Delta("```sh\nrm -rf bui"));
        output.show(new StreamEvent.Resumed(2, 0, true));
        output.show(new StreamEvent.Delta("```sh\nmake clean\n```\n"));
        output.show(new StreamEvent.Done("stop"));
        assertEquals("make clean\n", stdout());
    }

    @Test
    void autoColourFollowsTheTerminalNoColorAndDumbTerm() {
        assertTrue(AnswerStyle.colour(AnswerStyle.Choice.auto, true, Map.of()));
        assertFalse(AnswerStyle.colour(AnswerStyle.Choice.auto, false, Map.of()));
        assertFalse(AnswerStyle.colour(AnswerStyle.Choice.auto, true, Map.of("NO_COLOR", "1")));
        assertTrue(AnswerStyle.colour(AnswerStyle.Choice.auto, true, Map.of("NO_COLOR", "")));
        assertFalse(AnswerStyle.colour(AnswerStyle.Choice.auto, true, Map.of("TERM", "dumb")));
        assertTrue(AnswerStyle.colour(AnswerStyle.Choice.always, false, Map.of("NO_COLOR", "1")));
        assertFalse(AnswerStyle.colour(AnswerStyle.Choice.never, true, Map.of()));
    }
}
