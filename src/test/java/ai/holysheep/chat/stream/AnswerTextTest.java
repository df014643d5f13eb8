package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.holysheep.chat.config.ResumeMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a restarted attempt's text joins what the user has already seen. */
class AnswerTextTest {
    final List<StreamEvent> out = new ArrayList<>();
    final AnswerText answer = new AnswerText();

    @Test
    void aRestartThatDivergesReplacesTheAnswerAndContinuesFromTheNewOne() {
        answer.begin(1, ResumeMode.RESTART);
        answer.text("Hello world", out::add);
        answer.begin(2, ResumeMode.RESTART);
        answer.text("Hello", out::add);
        answer.text(" there", out::add);
        assertEquals("Hello there", answer.shown(), "only the new answer is kept, not the old one before it");
        assertEquals(List.of(new StreamEvent.Delta("Hello world"), new StreamEvent.Resumed(2, 0, true),
                new StreamEvent.Delta("Hello there")), out);

        // A third attempt that repeats the new answer is compared with it, not with the old one.
        out.clear();
        answer.begin(3, ResumeMode.RESTART);
        answer.text("Hello there, friend", out::add);
        assertEquals(List.of(new StreamEvent.Resumed(3, 11, false), new StreamEvent.Delta(", friend")), out);
        assertEquals("Hello there, friend", answer.shown());
    }

    @Test
    void aRestartThatOnlyRepeatsWhatWasShownAddsNothingUntilItGoesBeyond() {
        answer.begin(1, ResumeMode.RESTART);
        answer.text("Hello", out::add);
        out.clear();
        answer.begin(2, ResumeMode.RESTART);
        answer.text("Hel", out::add);
        answer.text("lo", out::add);
        assertEquals(List.of(), out, "exactly what was shown: nothing new yet");
        assertEquals(0, answer.grown());
        answer.text("!", out::add);
        answer.end(out::add);
        assertEquals(List.of(new StreamEvent.Resumed(2, 5, false), new StreamEvent.Delta("!")), out);
        assertEquals(1, answer.grown());
    }
}
