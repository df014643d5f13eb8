package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.stream.StreamEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A server that goes silent is shown as silent, for how long, against the idle timeout (30s by default). */
class ChatScreenStallTest {

    @Test
    void aStallMidAnswerCountsTheSilenceUpAsItUnfolds() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(100, 24)) {
            rig.send("tell me a story");
            rig.feed(new StreamEvent.Delta("Once "));
            rig.feed(new StreamEvent.Delta("upon "));
            rig.step();
            rig.clock.advance(1_500);
            rig.step();
            assertTrue(rig.statusLine().contains("streaming"), "a short pause is not a stall: " + rig.statusLine());

            rig.clock.advance(10_500);
            rig.step();
            assertTrue(rig.statusLine().contains("waiting 12s / 30s"), rig.statusLine());
            assertFalse(rig.statusLine().contains("tok/s"), rig.statusLine());
            rig.clock.advance(1_000);
            rig.step();
            assertTrue(rig.statusLine().contains("waiting 13s / 30s"), rig.statusLine());

            rig.feed(new StreamEvent.Delta("a time"));
            rig.step();
            assertTrue(rig.statusLine().contains("streaming"), rig.statusLine());
            assertFalse(rig.statusLine().contains("waiting"), rig.statusLine());
        }
    }

    @Test
    void aResumedAnswerThatStallsSaysSoAndKeepsTheResumedMark() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(100, 24)) {
            rig.send("tell me a story");
            rig.feed(new StreamEvent.Delta("Once "));
            rig.feed(new StreamEvent.Resumed(2, 5, false));
            rig.feed(new StreamEvent.Delta("upon "));
            rig.step();
            rig.clock.advance(5_000);
            rig.step();
            assertTrue(rig.statusLine().contains("waiting 5s / 30s · resumed"), rig.statusLine());
        }
    }

    @Test
    void noFirstTokenYetIsCountedFromTheMomentTheQuestionWasSent() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(100, 24)) {
            rig.send("hello?");
            assertTrue(rig.statusLine().contains("sending…"), rig.statusLine());
            rig.clock.advance(7_000);
            rig.step();
            assertTrue(rig.statusLine().contains("waiting 7s / 30s"), rig.statusLine());
        }
    }

    @Test
    void afterARetrysWaitTheNewAttemptsSilenceIsCounted() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(100, 24)) {
            rig.send("hello?");
            rig.feed(new StreamEvent.Retrying(1, 8, Duration.ofSeconds(1), "HTTP 503"));
            rig.step();
            assertTrue(rig.statusLine().contains("retry 1/8 in 1.0s · HTTP 503"), rig.statusLine());
            rig.clock.advance(4_000);
            rig.step();
            assertTrue(rig.statusLine().contains("retry 1/8 · waiting 3s / 30s · HTTP 503"), rig.statusLine());
        }
    }

    @Test
    void pastTheIdleTimeoutTheCallIsKeptAliveSoOnlyTheSilenceIsShown() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(100, 24)) {
            rig.send("think hard");
            rig.feed(new StreamEvent.Delta("Hmm."));
            rig.step();
            rig.clock.advance(45_000);
            rig.step();
            assertTrue(rig.statusLine().contains("waiting 45s "), rig.statusLine());
            assertFalse(rig.statusLine().contains("/ 30s"), rig.statusLine());
        }
    }
}
