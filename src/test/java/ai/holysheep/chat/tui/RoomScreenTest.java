package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.stream.Scheduler;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code join}'s screen: two members in one room on a relay on loopback, each at a headless terminal. */
class RoomScreenTest {
    @TempDir
    Path dir;

    @Test
    void whatOneMemberTypesTheOtherSeesWithItsAuthorAndTheSenderSeesItAsTheirOwn() throws Exception {
        try (RoomRig rig = new RoomRig(dir, SimOptions.defaults().unpaced())) {
            RoomRig.Member a = rig.join("alice");
            RoomRig.Member b = rig.join("bob");
            rig.until("both connected and present", () -> a.statusLine().contains("connected")
                    && b.statusLine().contains("connected") && a.shows("here: alice, bob") && b.shows("here: alice, bob"));

            a.send("hello from alice");
            rig.until("bob sees alice's message", () -> b.shows("hello from alice"));
            List<String> bobs = ScreenRig.rows(b.terminal);
            int at = indexOf(bobs, "hello from alice");
            assertEquals("alice", bobs.get(at - 1).strip(), "the author over the text:\n" + b.text());
            rig.until("alice's own echo", () -> a.shows("▌ alice (you)") && !a.shows("waiting to be posted"));
            assertFalse(b.shows("(you)"), "another's message is not set apart:\n" + b.text());
        }
    }

    @Test
    void anAnswerToAiStreamsInPlaceOnBothScreens() throws Exception {
        try (RoomRig rig = new RoomRig(dir, SimOptions.defaults().withTokensPerSecond(150).withAnswerTokens(40))) {
            RoomRig.Member a = rig.join("alice");
            RoomRig.Member b = rig.join("bob");
            rig.until("both connected", () -> a.statusLine().contains("connected") && b.statusLine().contains("connected"));

            a.send("@ai say something");
            rig.until("the answer arriving on both screens, not yet whole",
                    () -> streamingWithText(a).isPresent() && streamingWithText(b).isPresent());
            AnswerEntry onA = streamingWithText(a).get();
            AnswerEntry onB = streamingWithText(b).get();
            rig.until("the answer complete on both", () -> onA.outcome() == AnswerEntry.Outcome.DONE
                    && onB.outcome() == AnswerEntry.Outcome.DONE);
            assertFalse(onA.text().isEmpty());
            assertEquals(onA.text(), onB.text(), "every member ends with the same answer");
            assertTrue(b.shows("◆ gpt-4.1"), b.text());
            assertEquals(1, a.ui.pane.entries().stream().filter(e -> e instanceof AnswerEntry).count(),
                    "the deltas grew one answer in place");
        }
    }

    @Test
    void f2PicksTheModelAiAsksShowsItInTheStatusBarAndSendsItWithTheNextQuestion() throws Exception {
        try (RoomRig rig = new RoomRig(dir, SimOptions.defaults().unpaced().withAnswerTokens(10))) {
            RoomRig.Member a = rig.join("alice");
            rig.until("connected and greeted", () -> a.statusLine().contains("│ connected") && a.shows("F2 picks which"));
            assertFalse(a.statusLine().contains("@ai →"), "nothing picked: the relay's default, not shown");

            a.press(new KeyStroke(KeyType.F2));
            // claude-sonnet-4.5 is not configured on the relay: only its gateway's list, GET /v1/models, has it.
            rig.until("the picker with the relay's models", () -> a.shows("Switch model") && a.shows("claude-sonnet-4.5")
                    && !a.shows("loading the relay's models"));
            a.type("deep");
            a.press(new KeyStroke(KeyType.Enter));
            rig.until("the choice in the status bar", () -> a.statusLine().contains("@ai → deepseek-v3.2")
                    && !a.shows("Switch model"));

            a.send("@ai hello");
            rig.until("deepseek-v3.2 answers", () -> done(a).isPresent());
            assertTrue(a.shows("◆ deepseek-v3.2"), a.text());
            List<ai.holysheep.chat.sim.ReceivedRequest> asked = rig.sim.requests();
            assertEquals("deepseek-v3.2", asked.get(asked.size() - 1).json().path("model").asText(),
                    "the question went with the picked model");
        }
    }

    @Test
    void aModelTheRelayDoesNotHaveLeavesTheQuestionNotPostedWithTheRelaysReason() throws Exception {
        try (RoomRig rig = new RoomRig(dir, SimOptions.defaults().unpaced())) {
            RoomRig.Member a = rig.join("alice");
            a.ui.useModel("no-such-model");
            rig.until("connected", () -> a.statusLine().contains("│ connected │ @ai → no-such-model"));

            a.send("@ai hello");
            rig.until("the refusal", () -> a.shows("Not posted: the relay has no model 'no-such-model'"));
            assertFalse(a.shows("@ai hello"), "the question is not shown as if posted:\n" + a.text());
            assertEquals(0, a.ui.pane.entries().stream().filter(e -> e instanceof AnswerEntry).count());
        }
    }

    @Test
    void anAnswerTheRelayRetriesGoesOnInPlaceAndEndsWholeOnBothScreens() throws Exception {
        try (RoomRig rig = new RoomRig(dir, SimOptions.defaults().unpaced().withAnswerTokens(60).withFaults("drop@1"))) {
            RoomRig.Member a = rig.join("alice");
            RoomRig.Member b = rig.join("bob");
            rig.until("both connected", () -> a.statusLine().contains("connected") && b.statusLine().contains("connected"));

            a.send("@ai again please");
            rig.until("the answer complete on both", () -> done(a).isPresent() && done(b).isPresent());
            assertEquals(done(a).get().text(), done(b).get().text());
            assertEquals(1, b.ui.pane.entries().stream().filter(e -> e instanceof AnswerEntry).count(),
                    "the retried answer is one answer");
            rig.until("the retry gone from the status", () -> !a.statusLine().contains("retry")
                    && !b.statusLine().contains("retry"));
        }
    }

    private static Optional<AnswerEntry> done(RoomRig.Member m) {
        return m.ui.pane.entries().stream().filter(e -> e instanceof AnswerEntry).map(e -> (AnswerEntry) e)
                .filter(a -> a.outcome() == AnswerEntry.Outcome.DONE).findFirst();
    }

    @Test
    void aDroppedLinkShowsTheReconnectCountdownAndWhatWaitsThenSendsItOnReconnecting() throws Exception {
        try (RoomRig rig = new RoomRig(dir, SimOptions.defaults().unpaced())) {
            Steps steps = new Steps();
            ManualClock clock = new ManualClock();
            RetrySettings retry = new RetrySettings(8, Duration.ofMillis(1300), 2.0, Duration.ofSeconds(30), 0.0,
                    Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60), ResumeMode.CONTINUE);
            RoomRig.Member a = rig.join("alice", retry, steps, clock);
            rig.until("connected", () -> a.statusLine().contains("│ connected") && a.shows("here: alice"));

            rig.stopRelay();
            rig.until("the countdown", () -> a.statusLine().contains("reconnecting 1/8 in 1.3s"));
            assertFalse(a.shows("here: alice"), "who is here is not known while offline:\n" + a.text());
            clock.advance(500);
            a.send("typed while offline");
            rig.until("the message waiting", () -> a.statusLine().contains("offline · 1 waiting · reconnecting 1/8 in 0.8s")
                    && a.shows("waiting to be posted"));

            rig.startRelay();
            steps.run(Duration.ofMillis(1300));
            rig.until("connected again, the message posted", () -> a.statusLine().contains("│ connected")
                    && !a.shows("waiting to be posted") && a.shows("typed while offline"));
            RoomRig.Member b = rig.join("bob");
            rig.until("bob sees it once", () -> b.shows("typed while offline"));
            assertEquals(1, ScreenRig.rows(b.terminal).stream().filter(r -> r.contains("typed while offline")).count());
        }
    }

    @Test
    void whenTheConnectionGivesUpWhatWaitedIsMarkedNotPosted() throws Exception {
        try (RoomRig rig = new RoomRig(dir, SimOptions.defaults().unpaced())) {
            Steps steps = new Steps();
            RetrySettings retry = new RetrySettings(1, Duration.ofMillis(1300), 2.0, Duration.ofSeconds(30), 0.0,
                    Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60), ResumeMode.CONTINUE);
            RoomRig.Member a = rig.join("alice", retry, steps, new ManualClock());
            rig.until("connected", () -> a.statusLine().contains("│ connected"));
            rig.stopRelay();
            rig.until("the countdown", () -> a.statusLine().contains("reconnecting 1/1"));
            a.send("never to be");
            steps.run(Duration.ofMillis(1300));
            rig.until("given up", () -> a.statusLine().contains("offline · 1 not posted · lost the relay")
                    && a.shows("▌ you · not posted") && !a.shows("waiting to be posted"));
        }
    }

    private static Optional<AnswerEntry> streamingWithText(RoomRig.Member m) {
        return m.ui.pane.entries().stream().filter(e -> e instanceof AnswerEntry).map(e -> (AnswerEntry) e)
                .filter(a -> a.outcome() == AnswerEntry.Outcome.STREAMING && !a.text().isEmpty()).findFirst();
    }

    private static int indexOf(List<String> rows, String fragment) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no row has " + fragment);
    }

    /** Time for the connection moves when the test runs a task: the reconnect waits until then. */
    private static final class Steps implements Scheduler {
        private record Task(Duration delay, Runnable run, AtomicBoolean cancelled) {
        }

        private final List<Task> tasks = new CopyOnWriteArrayList<>();

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public Pending schedule(Duration delay, Runnable task) {
            Task t = new Task(delay, task, new AtomicBoolean());
            tasks.add(t);
            return () -> t.cancelled().set(true);
        }

        /** Runs the first task asked for after {@code delay} and not cancelled. */
        void run(Duration delay) {
            for (Task t : tasks) {
                if (t.delay().equals(delay) && !t.cancelled().get() && tasks.remove(t)) {
                    t.run().run();
                    return;
                }
            }
            throw new AssertionError("nothing waits " + delay + ": " + tasks);
        }
    }
}
