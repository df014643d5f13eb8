package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.RoomMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The rooms commands as a member runs them, against a real relay on loopback. */
@Timeout(60)
class RoomsCommandTest {
    @TempDir
    Path dir;

    private static void ok(CliRun.Result r) {
        assertEquals(0, r.exitCode(), r.all());
    }

    /** One line on stderr, the given status, nothing that looks like a stack trace. */
    private static void fails(CliRun.Result r, int status, String says) {
        assertEquals(status, r.exitCode(), r.all());
        assertTrue(r.stderr().startsWith("holysheep-chat: ") && r.stderr().contains(says), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), r.all());
    }

    @Test
    void joinSaysWhatIsWrongInOneLineBeforeTheScreenOpens() throws Exception {
        try (RoomsRig rig = new RoomsRig(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice");
            fails(rig.as(alice).stdin("").run("join", "team", "--server", rig.url()), ExitCode.USAGE,
                    "join needs a terminal; to post from a script: holysheep-chat rooms say team");
            fails(rig.as(alice).terminalOut().run("join", "Team!", "--server", rig.url()), ExitCode.USAGE, "Team!");
            fails(rig.as(alice).terminalOut().run("join", "team", "--server", rig.url()), ExitCode.REJECTED,
                    "no room 'team'");
            fails(rig.as("hsm_not-a-member-token").terminalOut().run("join", "team", "--server", rig.url()),
                    ExitCode.AUTH, "token");
        }
    }

    @Test
    void roomsAreCreatedListedShownAndExportedWithAuthorsFromTheTokens() throws Exception {
        try (RoomsRig rig = new RoomsRig(dir, SimOptions.defaults().unpaced())) {
            String jimin = rig.addMember("지민");
            String bob = rig.addMember("bob");
            CliRun asJimin = rig.as(jimin);
            ok(asJimin.run("rooms", "create", "team", "--server", rig.url()));
            fails(asJimin.run("rooms", "create", "team", "--server", rig.url()), ExitCode.REJECTED, "already exists");
            ok(asJimin.run("rooms", "say", "team", "안녕하세요, 여러분", "--server", rig.url()));
            ok(rig.as(bob).run("rooms", "say", "team", "hi 지민\nsecond line", "--server", rig.url()));

            CliRun.Result list = asJimin.run("rooms", "--server", rig.url());
            ok(list);
            assertTrue(list.stdout().lines().anyMatch(l -> l.matches("team\\s+2\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d")),
                    list.stdout());

            CliRun.Result show = rig.as(bob).run("rooms", "show", "team", "--server", rig.url());
            ok(show);
            List<String> lines = show.stdout().lines().toList();
            assertEquals(3, lines.size(), show.stdout());
            assertTrue(lines.get(0).startsWith("#1  지민"), lines.get(0));
            assertTrue(lines.get(1).startsWith("#2  bob "), lines.get(1));
            int textColumn = DisplayWidth.of(lines.get(0).substring(0, lines.get(0).indexOf("안녕")));
            assertEquals(textColumn, DisplayWidth.of(lines.get(1).substring(0, lines.get(1).indexOf("hi 지민"))),
                    "the text starts in the same column after a Hangul author");
            assertEquals(textColumn, DisplayWidth.of(lines.get(2).substring(0, lines.get(2).indexOf("second line"))),
                    "a further line sits under the first");

            JsonNode json = Json.MAPPER.readTree(asJimin.run("rooms", "export", "team", "--format", "json",
                    "--server", rig.url()).stdout());
            assertEquals("team", json.get("room").asText());
            assertEquals("지민", json.get("messages").get(0).get("author").asText(), "the author is the token's member");
            assertEquals("hi 지민\nsecond line", json.get("messages").get(1).get("text").asText());
            String markdown = asJimin.run("rooms", "export", "team", "--server", rig.url()).stdout();
            assertTrue(markdown.startsWith("# Room team\n\n## 지민 · "), markdown);
            assertTrue(markdown.contains("\n\n안녕하세요, 여러분\n"), markdown);
        }
    }

    @Test
    void whatOthersWroteCannotDriveTheTerminal() throws Exception {
        try (RoomsRig rig = new RoomsRig(dir, SimOptions.defaults().unpaced())) {
            String token = rig.addMember("mallory");
            ok(rig.as(token).run("rooms", "create", "team", "--server", rig.url()));
            ok(rig.as(token).run("rooms", "say", "team", "look\u001b[2J\u001b]52;c;cGF3bmVk\u0007 here", "--server", rig.url()));
            CliRun.Result show = rig.as(token).run("rooms", "show", "team", "--server", rig.url());
            ok(show);
            assertFalse(show.stdout().contains("\u001b"), show.stdout());
            assertTrue(show.stdout().contains("look here"), show.stdout());
        }
    }

    @Test
    void sayWaitPrintsTheModelsAnswerAsItStreamsThroughAnUpstreamDrop() throws Exception {
        try (RoomsRig rig = new RoomsRig(dir, SimOptions.defaults().unpaced().withFaults("drop@1"))) {
            String token = rig.addMember("alice");
            ok(rig.as(token).run("rooms", "create", "team", "--server", rig.url()));
            CliRun.Result asked = rig.as(token).run("rooms", "say", "team", "@ai 요약해 줘", "--wait", "--server", rig.url());
            ok(asked);
            RoomMessage answer = rig.store.messages("team", 1, 10).get(0);
            assertEquals(RoomMessage.COMPLETE, answer.status());
            assertTrue(answer.text().length() > 20);
            assertEquals(answer.text().strip(), asked.stdout().strip(), "stdout is the answer, whole and once");
            assertTrue(asked.stderr().lines().anyMatch(l -> l.startsWith("holysheep-chat: retry 1/")), asked.stderr());

            CliRun.Result show = rig.as(token).run("rooms", "show", "team", "--server", rig.url());
            assertTrue(show.stdout().contains("#2  gpt-4.1"), show.stdout());
        }
    }

    @Test
    void sayWithModelHasAiAskThatModelAndOneTheRelayLacksIsRefusedWithNothingPosted() throws Exception {
        try (RoomsRig rig = new RoomsRig(dir, SimOptions.defaults().unpaced().withAnswerTokens(10))) {
            String token = rig.addMember("alice");
            ok(rig.as(token).run("rooms", "create", "team", "--server", rig.url()));
            ok(rig.as(token).run("rooms", "say", "team", "@ai hello", "--model", "deepseek-v3.2", "--wait", "--server", rig.url()));
            assertEquals("deepseek-v3.2", rig.store.messages("team", 1, 10).get(0).author());
            fails(rig.as(token).run("rooms", "say", "team", "@ai hello", "--model", "no-such-model", "--server", rig.url()),
                    ExitCode.REJECTED, "no model 'no-such-model'");
            fails(rig.as(token).run("rooms", "say", "team", "plain words", "--model", "deepseek-v3.2", "--server", rig.url()),
                    ExitCode.USAGE, "start the message with @ai");
            assertEquals(2, rig.store.messages("team", 0, 10).size(), "nothing posted but the first question and answer");
        }
    }

    @Test
    void sayWaitEndsWithOneShotsStatusWhenNoModelIsAskedOrTheAnswerFails() throws Exception {
        try (RoomsRig rig = new RoomsRig(dir, SimOptions.defaults().unpaced().withFaults("500@1+"))) {
            String token = rig.addMember("alice");
            ok(rig.as(token).run("rooms", "create", "team", "--server", rig.url()));
            fails(rig.as(token).run("rooms", "say", "team", "@nobody there?", "--wait", "--server", rig.url()),
                    ExitCode.REJECTED, "no model was asked");
            fails(rig.as(token).run("rooms", "say", "team", "plain words", "--wait", "--server", rig.url()),
                    ExitCode.USAGE, "--wait waits for the model's answer");
            CliRun.Result failed = rig.as(token).run("rooms", "say", "team", "@ai hello", "--wait", "--server", rig.url());
            assertEquals(ExitCode.UNAVAILABLE, failed.exitCode(), failed.all());
            assertTrue(failed.stderr().contains("the model's answer failed"), failed.stderr());
            assertEquals(RoomMessage.FAILED, rig.store.messages("team", 0, 10).get(2).status());
        }
    }

    @Test
    void anAnswerTheRelayStopsOnShutdownEndsSayWaitWithTheUnavailableStatus() throws Exception {
        try (RoomsRig rig = new RoomsRig(dir, SimOptions.defaults().withTokensPerSecond(50).withAnswerTokens(500))) {
            String token = rig.addMember("alice");
            ok(rig.as(token).run("rooms", "create", "team", "--server", rig.url()));
            java.util.concurrent.CompletableFuture<CliRun.Result> asked = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> rig.as(token).run("rooms", "say", "team", "@ai a long one", "--wait", "--server", rig.url()));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (rig.store.messages("team", 1, 1).stream().noneMatch(m -> !m.text().isEmpty())) {
                assertTrue(System.nanoTime() < deadline, "the answer never started");
                Thread.sleep(20);
            }
            rig.relay.shutdown(java.time.Duration.ZERO);
            CliRun.Result result = asked.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(ExitCode.UNAVAILABLE, result.exitCode(), result.all());
            assertTrue(result.stderr().contains("the relay stopped the answer"), result.stderr());
            assertFalse(result.stdout().isEmpty(), "the part that came is printed");
        }
    }

    @Test
    void refusedTokensMissingRoomsBadNamesAndADeadRelayEachSayWhatIsWrong() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (RoomsRig rig = new RoomsRig(dir, SimOptions.defaults().unpaced())) {
            String token = rig.addMember("alice");
            CliRun.Result stranger = rig.as("hsm_not_a_member_token").run("rooms", "show", "team", "--server", rig.url());
            fails(stranger, ExitCode.AUTH, "refused the member token (401)");
            assertFalse(stranger.all().contains("hsm_not_a_member_token"), "the token is never echoed");
            fails(rig.as("hsm_not_a_member_token").run("rooms", "say", "team", "hi", "--server", rig.url()),
                    ExitCode.AUTH, "refused the member token");
            fails(rig.as(token).run("rooms", "show", "nope", "--server", rig.url()), ExitCode.REJECTED, "no room 'nope'");
            fails(rig.as(token).run("rooms", "say", "nope", "hi", "--server", rig.url()), ExitCode.REJECTED, "no room 'nope'");
            fails(rig.as(token).run("rooms", "create", "Team!", "--server", rig.url()), ExitCode.USAGE,
                    "'Team!' is not a room name");
        }
        fails(new CliRun().env("HOLYSHEEP_SERVER_TOKEN", "hsm_x").run("rooms", "--server", "http://127.0.0.1:" + closed),
                ExitCode.UNAVAILABLE, "cannot reach the relay at http://127.0.0.1:" + closed + ": connection refused");
        fails(new CliRun().run("rooms", "--server", "http://127.0.0.1:" + closed), ExitCode.USAGE,
                "no member token: set HOLYSHEEP_SERVER_TOKEN");
        fails(new CliRun().env("HOLYSHEEP_SERVER_TOKEN", "hsm_x").run("rooms"), ExitCode.USAGE, "give --server URL");
    }
}
