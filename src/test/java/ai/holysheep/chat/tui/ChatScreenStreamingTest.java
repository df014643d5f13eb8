package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.render.Wrap;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.stream.FailureKind;
import ai.holysheep.chat.stream.StreamEvent;
import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a user sees while an answer streams in. */
class ChatScreenStreamingTest {
    private static final String KOREAN = "안녕하세요! 이 글은 시뮬레이션 게이트웨이가 내 컴퓨터 안에서 만든 것이며, "
            + "AI 모델이 쓴 글이 아닙니다. 한글은 한 글자가 두 칸을 차지하므로 줄바꿈이 정확해야 합니다.";

    @Test
    void deltasAppearInOrderAsTheyArrive() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.send("say three things");
            assertTrue(rig.text().contains("say three things"));
            assertTrue(rig.statusLine().contains("sending"), rig.statusLine());

            rig.feed(new StreamEvent.Delta("first, "));
            rig.step();
            assertTrue(rig.text().contains("first,"));
            assertFalse(rig.text().contains("second"));
            assertTrue(rig.statusLine().contains("streaming"), rig.statusLine());

            rig.feed(new StreamEvent.Delta("second, "));
            rig.feed(new StreamEvent.Delta("third."));
            rig.step();
            assertTrue(rig.text().contains("first, second, third."), rig.text());

            rig.feed(new StreamEvent.Usage(new TokenUsage(12, 3, 15), new TokenUsage(0, 0, 0)));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            assertTrue(rig.statusLine().contains("ready · done"), rig.statusLine());
            assertTrue(rig.statusLine().contains("↑12 ↓3"), rig.statusLine());
            assertTrue(rig.statusLine().contains("SIMULATED"), rig.statusLine());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 80})
    void koreanAnswerWrapsByDisplayWidthAtSpaces(int columns) throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(columns, 30)) {
            rig.send("한국어로 답해 주세요");
            rig.feed(new StreamEvent.Delta(KOREAN.substring(0, 30)));
            rig.feed(new StreamEvent.Delta(KOREAN.substring(30)));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();

            List<String> expected = Wrap.wrap(KOREAN, MessagePane.contentWidth(columns));
            List<String> rows = rig.rows();
            int first = indexOfRowStartingWith(rows, " " + expected.get(0));
            assertTrue(first >= 0, "first line missing:\n" + rig.text());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(" " + expected.get(i), rows.get(first + i));
            }
            for (String row : rows) {
                assertTrue(DisplayWidth.of(row) <= columns, "row wider than the screen: " + row);
            }
            assertTrue(expected.size() > 1, "the test text must need wrapping");
        }
    }

    @Test
    void theSimulatedGatewaysKoreanAnswerArrivesIntact() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(80, 60, SimOptions.defaults().unpaced())) {
            rig.send("안녕, 자기소개 해 줘");
            rig.until("the answer to finish", t -> rig.statusLine().contains("ready · done"));
            String text = rig.text();
            assertTrue(text.contains("한국어 안내"), text);
            assertTrue(text.contains("HOLYSHEEP_API_KEY"), text);
            assertFalse(text.contains("??") || text.contains("\uFFFD"), "no broken characters:\n" + text);
        }
    }

    @Test
    void aDroppedStreamShowsTheRetryAndTheAnswerAppearsOnceAfterTheResume() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(100, 60, SimOptions.defaults().unpaced().withFaults("drop@1:bytes=1500"))) {
            rig.send("tell me about the simulator");
            rig.until("the retry in the status bar", t -> rig.statusLine().contains("retry 1/8"));
            rig.until("the answer to finish", t -> rig.statusLine().contains("ready · done"));
            assertTrue(rig.statusLine().contains("resumed"), rig.statusLine());
            String answer = ((AnswerEntry) rig.ui.pane.entries().get(rig.ui.pane.entries().size() - 1)).text();
            String once = "What the simulator is good for";
            assertTrue(answer.contains(once), answer);
            assertEquals(answer.indexOf(once), answer.lastIndexOf(once), "the answer arrived twice:\n" + answer);
            assertEquals(2, rig.gateway.requestCount());
        }
    }

    @Test
    void f4UnfoldsTheReasoningOfAFinishedAnswerAndFoldsItAgain() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.send("why is the sky blue?");
            rig.feed(new StreamEvent.Reasoning("Rayleigh scattering favours short wavelengths.\nNitrogen and oxygen are small.\nSo blue wins."));
            rig.feed(new StreamEvent.Delta("Because air scatters blue light most."));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            assertTrue(rig.text().contains("▸ reasoning, 3 lines (F4 to show)"), rig.text());
            assertFalse(rig.text().contains("Rayleigh"), rig.text());

            rig.press(KeyType.F4);
            rig.step();
            List<String> rows = rig.rows();
            int fold = indexOf(rows, "▾ reasoning (F4 to fold)");
            assertTrue(fold >= 0 && rows.get(fold + 1).contains("Rayleigh scattering"), rig.text());
            assertTrue(rows.get(fold + 3).contains("So blue wins."), rig.text());
            assertTrue(indexOf(rows, "Because air scatters") > fold + 3, rig.text());

            rig.press(KeyType.F4);
            rig.step();
            assertFalse(rig.text().contains("Rayleigh"), rig.text());
            assertTrue(rig.text().contains("Because air scatters blue light most."), rig.text());
        }
    }

    private static int indexOf(List<String> rows, String fragment) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aDivergedResumeReplacesWhatWasShown() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.send("pick a colour");
            rig.feed(new StreamEvent.Delta("Blue is"));
            rig.feed(new StreamEvent.Resumed(2, 0, true));
            rig.feed(new StreamEvent.Delta("Green, because it is calm."));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            assertTrue(rig.text().contains("Green, because it is calm."));
            assertFalse(rig.text().contains("Blue is"), rig.text());
        }
    }

    @Test
    void escCancelsAndKeepsThePartialAnswerMarkedCancelled() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.send("write a long essay");
            rig.feed(new StreamEvent.Delta("The first paragraph"));
            rig.step();
            rig.press(KeyType.Escape);
            rig.step();
            assertTrue(rig.text().contains("The first paragraph"), rig.text());
            assertTrue(rig.text().contains("⏹ cancelled"), rig.text());
            assertTrue(rig.statusLine().contains("cancelled"), rig.statusLine());
            assertFalse(rig.session.turnInProgress());
        }
    }

    @Test
    void aFailureIsShownUnderTheAnswerAndInTheStatus() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.send("hello");
            rig.feed(new StreamEvent.Failed(FailureKind.AUTH, "HTTP 401: invalid key"));
            rig.step();
            assertTrue(rig.text().contains("✖ failed: HTTP 401: invalid key"), rig.text());
            assertTrue(rig.statusLine().contains("error: auth"), rig.statusLine());
        }
    }

    @Test
    void aFastStreamDoesNotStopTheKeyboard() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced().withAnswerTokens(20_000))) {
            rig.send("a very long answer please");
            rig.until("streaming to start", t -> rig.statusLine().contains("streaming"));
            rig.type("typed while streaming");
            rig.until("the answer to finish", t -> rig.statusLine().contains("ready · done"));
            assertTrue(rig.ui.input.text().equals("typed while streaming"), rig.ui.input.text());
            assertTrue(rig.text().contains("typed while streaming"));
        }
    }

    private static int indexOfRowStartingWith(List<String> rows, String prefix) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).equals(prefix) || rows.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
