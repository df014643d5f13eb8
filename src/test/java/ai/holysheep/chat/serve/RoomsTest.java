package ai.holysheep.chat.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.FakeClock;
import ai.holysheep.chat.store.RoomMessage;
import ai.holysheep.chat.store.TeamStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RoomsTest {
    @TempDir
    Path dir;

    private static HttpResponse<String> createRaw(RelayRig rig, String token, String body) throws Exception {
        return postApi(rig, "/api/rooms", token, body);
    }

    private static HttpResponse<String> postApi(RelayRig rig, String path, String token, String body) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(rig.api(path)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void roomsAreCreatedListedAndReadOverRestByMembersOnly() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice", false);
            assertEquals(401, createRaw(rig, null, "{\"name\":\"team\"}").statusCode());
            assertEquals(201, createRaw(rig, alice, "{\"name\":\"team\"}").statusCode());
            assertEquals(409, createRaw(rig, alice, "{\"name\":\"team\"}").statusCode());
            for (String bad : List.of("{\"name\":\"Team\"}", "{\"name\":\"\"}", "{\"name\":\"" + "a".repeat(41) + "\"}",
                    "{}", "nope")) {
                assertEquals(400, createRaw(rig, alice, bad).statusCode(), bad);
            }
            JsonNode list = RelayRig.JSON.readTree(rig.get(rig.api("/api/rooms"), alice).body());
            assertEquals("team", list.get("data").get(0).get("name").asText());
            assertEquals(200, rig.get(rig.api("/api/rooms/team"), alice).statusCode());
            assertEquals(404, rig.get(rig.api("/api/rooms/other"), alice).statusCode());
            assertEquals(401, rig.get(rig.api("/api/rooms/team/messages"), null).statusCode());
            assertEquals(400, rig.get(rig.api("/api/rooms/team/messages?after=x"), alice).statusCode());
        }
    }

    @Test
    void theAuthorIsTheTokensMemberAndEveryoneSeesTheSameOrder() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice", false);
            String bob = rig.addMember("bob", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0);
                 RoomClient b = new RoomClient(rig.relay.baseUrl(), bob, "team", 0)) {
                b.await(f -> f.path("type").asText().equals("presence") && f.get("members").size() == 2);
                a.send("{\"type\":\"say\",\"id\":\"a1\",\"text\":\"안녕하세요\",\"author\":\"bob\"}");
                b.say("b1", "hi alice");
                a.say("a2", "second");
                JsonNode seen = b.await(f -> f.path("type").asText().equals("message") && f.get("id").asText().equals("a1"));
                assertEquals("alice", seen.get("author").asText(), "the author comes from the token, not the frame");
                // Bob's message and Alice's second race each other; either order, but the same for both.
                for (RoomClient c : List.of(a, b)) {
                    for (String id : List.of("a2", "b1")) {
                        if (c.frames.stream().noneMatch(f -> f.path("id").asText().equals(id))) {
                            c.await(f -> f.path("type").asText().equals("message") && f.get("id").asText().equals(id));
                        }
                    }
                }
                assertEquals(a.transcript(), b.transcript());
                assertEquals(3, a.transcript().size());
            }
            assertEquals(401, new RoomClient(rig.relay.baseUrl(), "hsm_nobody", "team", 0).refused.poll(10, TimeUnit.SECONDS),
                    "no connection without a member's token");
            assertEquals(404, new RoomClient(rig.relay.baseUrl(), alice, "nowhere", 0).refused.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRoomConnectionDeclinesPerMessageCompression() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            java.util.concurrent.CompletableFuture<okhttp3.Response> opened = new java.util.concurrent.CompletableFuture<>();
            okhttp3.WebSocket socket = new okhttp3.OkHttpClient().newWebSocket(new okhttp3.Request.Builder()
                    .url(rig.relay.baseUrl().replaceFirst("/v1$", "") + "/ws/rooms/team?after=0")
                    .header("Authorization", "Bearer " + alice).build(), new okhttp3.WebSocketListener() {
                        @Override
                        public void onOpen(okhttp3.WebSocket webSocket, okhttp3.Response response) {
                            opened.complete(response);
                        }
                    });
            try {
                okhttp3.Response response = opened.get(10, TimeUnit.SECONDS);
                // OkHttp offers permessage-deflate on every connection; the relay must say no.
                assertEquals(null, response.header("Sec-WebSocket-Extensions"),
                        "every member's copy of a frame would be deflated on its own");
            } finally {
                socket.close(1000, "done");
            }
        }
    }

    @Test
    void aBurstFromManyMembersIsPostedOnceEachInOneOrderForAll() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            List<String> tokens = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tokens.add(rig.addMember("m" + i, false));
            }
            createRaw(rig, tokens.get(0), "{\"name\":\"team\"}");
            List<RoomClient> clients = new java.util.ArrayList<>();
            try {
                for (String token : tokens) {
                    RoomClient c = new RoomClient(rig.relay.baseUrl(), token, "team", 0);
                    c.await(RoomClient.type("live"));
                    clients.add(c);
                }
                // Sent at once, so that they are saved together: each twice under its id.
                for (int i = 0; i < clients.size(); i++) {
                    clients.get(i).say("c" + i, "from " + i);
                    clients.get(i).say("c" + i, "from " + i);
                }
                for (RoomClient c : clients) {
                    while (c.transcript().size() < clients.size()) {
                        c.await(RoomClient.type("message"));
                    }
                }
                for (int i = 0; i < clients.size(); i++) {
                    String id = "c" + i;
                    RoomClient sender = clients.get(i);
                    while (sender.frames.stream().filter(f -> f.path("id").asText().equals(id)).count() < 2) {
                        sender.await(f -> true);
                    }
                }
                // Give stray doubles the time to arrive before counting.
                RoomClient last = clients.get(clients.size() - 1);
                last.say("done", "done");
                for (RoomClient c : clients) {
                    c.await(f -> f.path("type").asText().equals("message") && f.get("id").asText().equals("done"));
                    assertEquals(clients.get(0).transcript(), c.transcript());
                    assertEquals(clients.size() + 1, c.transcript().size(), "each message once");
                }
                for (int i = 0; i < clients.size(); i++) {
                    String id = "c" + i;
                    assertEquals(2, clients.get(i).frames.stream().filter(f -> f.path("id").asText().equals(id)).count(),
                            "the sender sees its message and the resend's echo");
                    assertEquals(1, clients.get((i + 1) % clients.size()).frames.stream()
                            .filter(f -> f.path("id").asText().equals(id)).count(), "the others see it once");
                }
            } finally {
                clients.forEach(RoomClient::close);
            }
        }
    }

    @Test
    void aReconnectingMemberGetsWhatItMissedAndAResentMessageIsPostedOnce() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice", false);
            String bob = rig.addMember("bob", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            long bobHas;
            try (RoomClient b = new RoomClient(rig.relay.baseUrl(), bob, "team", 0)) {
                b.await(RoomClient.type("live"));
                b.say("b1", "first");
                bobHas = b.await(RoomClient.type("message")).get("seq").asLong();
            }
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0)) {
                a.await(RoomClient.type("live"));
                a.say("a1", "while bob was away");
                a.say("a2", "and again");
                a.await(f -> f.path("id").asText().equals("a2"));
                // Alice's link drops before she saw her own echo, so she sends a1 again.
                a.say("a1", "while bob was away");
                JsonNode echo = a.await(f -> f.path("type").asText().equals("message") && f.get("id").asText().equals("a1"));
                assertEquals(2, echo.get("seq").asLong(), "the resend is answered with the message already posted");
            }
            try (RoomClient b = new RoomClient(rig.relay.baseUrl(), bob, "team", bobHas)) {
                JsonNode live = b.await(RoomClient.type("live"));
                assertEquals(3, live.get("last_seq").asLong());
                assertEquals(List.of("2 [complete] alice: while bob was away", "3 [complete] alice: and again"), b.transcript());
            }
            assertEquals(3, rig.store.messages("team", 0, 100).size(), "nothing doubled");
        }
    }

    @Test
    void aMemberJoiningALongRoomWhileOthersTalkGetsEveryMessageOnceInOrder() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice", false);
            String bob = rig.addMember("bob", false);
            String carol = rig.addMember("carol", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            List<ai.holysheep.chat.store.RoomPost> earlier = new java.util.ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                earlier.add(new ai.holysheep.chat.store.RoomPost("old-" + i, "alice", RoomMessage.MEMBER, "old " + i,
                        RoomMessage.COMPLETE));
            }
            rig.store.postAll("team", earlier);
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 2990);
                 RoomClient c = new RoomClient(rig.relay.baseUrl(), carol, "team", 2990)) {
                a.await(RoomClient.type("live"));
                c.await(RoomClient.type("live"));
                // Bob catches up on 3,000 messages while alice and carol go on talking.
                for (int i = 0; i < 4; i++) {
                    a.say("a" + i, "alice " + i);
                    c.say("c" + i, "carol " + i);
                }
                try (RoomClient b = new RoomClient(rig.relay.baseUrl(), bob, "team", 0)) {
                    for (int i = 4; i < 8; i++) {
                        a.say("a" + i, "alice " + i);
                        c.say("c" + i, "carol " + i);
                    }
                    a.say("last", "the end");
                    // Each member's messages keep their order, but alice's and carol's may come in
                    // either order: bob has them all once he has seen the last of both.
                    java.util.Set<String> lastOfEach = new java.util.HashSet<>(List.of("last", "c7"));
                    while (!lastOfEach.isEmpty()) {
                        lastOfEach.remove(b.await(RoomClient.type("message")).path("id").asText());
                    }
                    lastOfEach.addAll(List.of("last", "c7"));
                    while (!lastOfEach.isEmpty()) {
                        lastOfEach.remove(a.await(RoomClient.type("message")).path("id").asText());
                    }
                    List<Long> seqs = b.frames.stream().filter(f -> f.path("type").asText().equals("message"))
                            .map(f -> f.get("seq").asLong()).toList();
                    for (int i = 0; i < seqs.size(); i++) {
                        assertEquals(i + 1, seqs.get(i), "every message once, in order, across the replay and the live frames");
                    }
                    assertEquals(3017, seqs.size());
                    List<String> bobs = b.transcript();
                    assertEquals(a.transcript(), bobs.subList(2990, bobs.size()), "the same room as alice's");
                }
            }
        }
    }

    @Test
    void theModelAnswersWhenAddressedStreamingToEveryoneThroughADrop() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced().withFaults("drop@1"))) {
            String alice = rig.addMember("alice", false);
            String bob = rig.addMember("bob", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            createRaw(rig, alice, "{\"name\":\"calm\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0);
                 RoomClient b = new RoomClient(rig.relay.baseUrl(), bob, "team", 0)) {
                b.await(f -> f.path("type").asText().equals("presence") && f.get("members").size() == 2);
                a.say("a1", "@ai 요약해 줘");
                JsonNode answer = b.await(f -> f.path("type").asText().equals("message") && f.get("role").asText().equals("model"));
                assertEquals("gpt-4.1", answer.get("author").asText());
                assertEquals("streaming", answer.get("status").asText());
                b.await(RoomClient.type("retry"));
                JsonNode end = b.await(RoomClient.type("end"));
                assertEquals("complete", end.get("status").asText());
                a.await(RoomClient.type("end"));
                assertEquals(a.transcript(), b.transcript());
                RoomMessage saved = rig.store.messages("team", 1, 10).get(0);
                assertEquals(RoomMessage.COMPLETE, saved.status());
                assertTrue(b.transcript().get(1).endsWith(saved.text()), "deltas add up to what was saved");
                assertTrue(saved.text().length() > 20);
            }
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "calm", 0)) {
                a.await(RoomClient.type("live"));
                a.say("c1", "@ai 요약해 줘");
                a.await(RoomClient.type("end"));
                assertEquals(rig.store.messages("team", 1, 10).get(0).text(), rig.store.messages("calm", 1, 10).get(0).text(),
                        "the drop is not in the answer");
            }
            assertEquals(2, rig.store.usage(java.time.Instant.EPOCH, TeamStore.Grouping.MEMBER, "alice").get(0).requests(),
                    "each answer is accounted to the member who asked");
        }
    }

    @Test
    void aSayFrameNamingAModelHasAiAskThatModelAndAnUnknownOneIsRefusedWithNothingPosted() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0)) {
                a.await(RoomClient.type("live"));
                a.send(sayFrame("u1", "@ai hello", "no-such-model"));
                JsonNode refused = a.await(RoomClient.type("error"));
                assertEquals("u1", refused.get("id").asText());
                assertTrue(refused.get("message").asText().contains("no-such-model"), refused.toString());
                assertEquals(0, rig.store.messages("team", 0, 100).size(), "an unknown model: nothing posted");

                // Configured on the relay, and one only the gateway lists (what GET /v1/models shows).
                for (String model : List.of("deepseek-v3.2", "claude-sonnet-4.5")) {
                    a.send(sayFrame("m-" + model, "@ai hello", model));
                    JsonNode answer = a.await(f -> f.path("type").asText().equals("message")
                            && f.get("role").asText().equals("model"));
                    assertEquals(model, answer.get("author").asText());
                    a.await(RoomClient.type("end"));
                    assertEquals(model, rig.sim.requests().get(rig.sim.requests().size() - 1).json().path("model").asText());
                }

                // @MODEL in the text wins over the frame's model, even one the relay does not know.
                a.send(sayFrame("t1", "@gpt-4.1 hello", "no-such-model"));
                JsonNode answer = a.await(f -> f.path("type").asText().equals("message") && f.get("role").asText().equals("model"));
                assertEquals("gpt-4.1", answer.get("author").asText());
                a.await(RoomClient.type("end"));

                a.send("{\"type\":\"say\",\"id\":\"bad\",\"text\":\"@ai hi\",\"model\":7}");
                assertEquals("bad", a.await(RoomClient.type("error")).get("id").asText());
                assertEquals(6, rig.store.messages("team", 0, 100).size(), "three questions and three answers");
            }
        }
    }

    @Test
    void deltasThatStreamInTogetherReachTheMembersAsFewFrames() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced().withAnswerTokens(400))) {
            String alice = rig.addMember("alice", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0)) {
                a.await(RoomClient.type("live"));
                a.say("a1", "@ai a long one");
                a.await(RoomClient.type("end"));
                long deltas = a.frames.stream().filter(f -> f.path("type").asText().equals("delta")).count();
                // Unpaced, the gateway's 400 tokens arrive within moments: one frame per token
                // would be 400 frames to every member.
                assertTrue(deltas >= 1 && deltas < 40, deltas + " delta frames");
                RoomMessage saved = rig.store.messages("team", 1, 10).get(0);
                assertTrue(a.transcript().get(1).endsWith(saved.text()), "the joined deltas are the whole answer");
            }
        }
    }

    private static String sayFrame(String id, String text, String model) {
        return "{\"type\":\"say\",\"id\":" + RelayRig.quote(id) + ",\"text\":" + RelayRig.quote(text)
                + ",\"model\":" + RelayRig.quote(model) + "}";
    }

    @Test
    void aMemberJoiningMidAnswerGetsTheTextSoFarThenTheRest() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().withTokensPerSecond(100).withAnswerTokens(200))) {
            String alice = rig.addMember("alice", false);
            String bob = rig.addMember("bob", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0)) {
                a.await(RoomClient.type("live"));
                a.say("a1", "@ai go on");
                a.await(RoomClient.type("delta"));
                a.await(RoomClient.type("delta"));
                try (RoomClient b = new RoomClient(rig.relay.baseUrl(), bob, "team", 0)) {
                    JsonNode replayed = b.await(f -> f.path("type").asText().equals("message") && f.get("seq").asLong() == 2);
                    assertEquals("streaming", replayed.get("status").asText());
                    assertFalse(replayed.get("text").asText().isEmpty(), "the part already streamed");
                    b.await(RoomClient.type("end"));
                    a.await(RoomClient.type("end"));
                    assertEquals(a.transcript(), b.transcript());
                }
            }
        }
    }

    @Test
    void aServerStoppingWithSeveralMembersInARoomClosesEveryConnection() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice", false);
            String bob = rig.addMember("bob", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0);
                 RoomClient b = new RoomClient(rig.relay.baseUrl(), bob, "team", 0);
                 RoomClient a2 = new RoomClient(rig.relay.baseUrl(), alice, "team", 0)) {
                for (RoomClient c : List.of(a, b, a2)) {
                    c.await(RoomClient.type("live"));
                }
                // Each close takes its socket out of the room's set: the set must not be walked as it shrinks.
                rig.relay.shutdown(Duration.ZERO);
            }
        }
    }

    @Test
    void aServerStoppedMidAnswerLeavesItMarkedAndARestartedServerReplaysIt() throws Exception {
        Path db = dir.resolve("serve.db");
        String alice;
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().withTokensPerSecond(50).withAnswerTokens(500))) {
            alice = rig.addMember("alice", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0)) {
                a.await(RoomClient.type("live"));
                a.say("a1", "@ai a long one");
                a.await(RoomClient.type("delta"));
                rig.relay.shutdown(Duration.ZERO);
            }
        }
        try (RelayRig again = RelayRig.start(dir, SimOptions.defaults().unpaced());
             RoomClient a = new RoomClient(again.relay.baseUrl(), alice, "team", 1)) {
            JsonNode replayed = a.await(RoomClient.type("message"));
            assertEquals(2, replayed.get("seq").asLong());
            assertEquals("cancelled", replayed.get("status").asText(), "the interrupted answer is marked");
            assertFalse(replayed.get("text").asText().isEmpty());
        }
        try (TeamStore store = TeamStore.open(db, Clock.systemUTC())) {
            RoomMessage left = store.post("team", null, "gpt-4.1", RoomMessage.MODEL, "half", RoomMessage.STREAMING);
            assertEquals(1, store.interruptStreaming(), "a server killed outright leaves one streaming");
            assertEquals(RoomMessage.FAILED, store.messages("team", left.seq() - 1, 1).get(0).status());
        }
    }

    @Test
    void tooManyMessagesOrTooLongAMessageIsRefusedToItsSender() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0)) {
                a.await(RoomClient.type("live"));
                a.say("long", "가".repeat(11_000));
                JsonNode tooLong = a.await(RoomClient.type("error"));
                assertEquals("long", tooLong.get("id").asText());
                for (int i = 0; i < 11; i++) {
                    a.say("m" + i, "message " + i);
                }
                JsonNode tooMany = a.await(RoomClient.type("error"));
                assertEquals("m10", tooMany.get("id").asText());
                assertTrue(tooMany.get("message").asText().contains("10 in 10 seconds"));
                assertEquals(10, rig.store.messages("team", 0, 100).size());
            }
        }
    }

    @Test
    void aMessageTheServerCannotPostIsRefusedToItsSenderAndTheConnectionStays() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String alice = rig.addMember("alice", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0)) {
                a.await(RoomClient.type("live"));
                rig.store.close();
                a.say("lost", "저장할 수 없는 메시지");
                JsonNode refused = a.await(RoomClient.type("error"));
                assertEquals("lost", refused.get("id").asText());
                assertTrue(refused.get("message").asText().contains("could not be saved"), refused.toString());
                a.say("again", "still here?");
                assertEquals("again", a.await(RoomClient.type("error")).get("id").asText(), "the same connection answers");
            }
        }
    }

    @Test
    void aConnectionThatStopsAnsweringPingsIsClosedAndLeavesThePresence() throws Exception {
        try (RelayRig rig = new RelayRig(dir, SimOptions.defaults().unpaced(), ServeLimits.DEFAULTS, Clock.systemUTC(),
                Duration.ofSeconds(5), ResumeMode.CONTINUE, new RoomHub.Heartbeat(Duration.ofMillis(50), Duration.ofMillis(400)))) {
            String alice = rig.addMember("alice", false);
            String ghost = rig.addMember("ghost", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0);
                 Socket silent = upgradeAndFallSilent(rig, ghost)) {
                a.await(f -> f.path("type").asText().equals("presence") && f.get("members").size() == 2);
                JsonNode after = a.await(f -> f.path("type").asText().equals("presence") && f.get("members").size() == 1);
                assertEquals("alice", after.get("members").get(0).asText(), "alice answers pings and stays");
            }
        }
    }

    @Test
    void aMemberWhoStopsReadingIsCutOffWithoutHoldingUpTheOthersAndCatchesUpOnReconnecting() throws Exception {
        // The rate limit's clock, moved on after every ten messages, so that one member says 16 MiB in a moment.
        FakeClock clock = new FakeClock(Instant.parse("2026-12-03T10:00:00Z"));
        try (RelayRig rig = new RelayRig(dir, SimOptions.defaults().unpaced(), ServeLimits.DEFAULTS, clock,
                Duration.ofMillis(300), ResumeMode.CONTINUE)) {
            String alice = rig.addMember("alice", false);
            String bob = rig.addMember("bob", false);
            String stalled = rig.addMember("stalled", false);
            createRaw(rig, alice, "{\"name\":\"team\"}");
            try (RoomClient a = new RoomClient(rig.relay.baseUrl(), alice, "team", 0);
                 RoomClient b = new RoomClient(rig.relay.baseUrl(), bob, "team", 0);
                 Socket silent = upgradeAndFallSilent(rig, stalled)) {
                for (RoomClient c : List.of(a, b)) {
                    c.await(f -> f.path("type").asText().equals("presence") && f.get("members").size() == 3);
                }
                // Far more than the kernel's buffers and the 16 MiB together; a bound, so a
                // member never cut off fails here rather than filling the heap.
                long bound = 3 * Outbox.MAX_UNSENT_BYTES;
                long said = 0;
                int n = 0;
                while (cutOff(a) == null) {
                    assertTrue(said < bound, "the member who stopped reading was still in the room after "
                            + said / (1024 * 1024) + " MiB of messages");
                    for (int i = 0; i < 10; i++, n++) {
                        String text = bulky(n);
                        a.say("m" + n, text);
                        said += text.length();
                    }
                    // Each burst's echo comes back while the stalled member's backlog grows:
                    // the room does not wait for the slowest connection.
                    String last = "m" + (n - 1);
                    a.await(f -> f.path("type").asText().equals("message") && f.get("id").asText().equals(last));
                    clock.advance(Duration.ofSeconds(10));
                }
                JsonNode gone = cutOff(a);
                assertEquals(List.of("alice", "bob"), RelayRig.JSON.convertValue(gone.get("members"), List.class));
                long before = 0;
                for (JsonNode f : a.frames) {
                    if (f == gone) {
                        break;
                    }
                    if (f.path("type").asText().equals("message")) {
                        before += f.toString().getBytes(StandardCharsets.UTF_8).length;
                    }
                }
                // Less a few bytes for the presence frames the stalled member was also sent.
                assertTrue(before > Outbox.MAX_UNSENT_BYTES - 1024,
                        "cut off after only " + before + " bytes of messages, not for its backlog");
                // The room goes on after the cut; what is said now the stalled member misses for sure.
                for (int i = 0; i < 3; i++, n++) {
                    a.say("m" + n, "after the cut " + i);
                }
                String last = "m" + (n - 1);
                for (RoomClient c : List.of(a, b)) {
                    c.await(f -> f.path("type").asText().equals("message") && f.get("id").asText().equals(last));
                }
                List<JsonNode> everyone = messages(a.frames);
                for (int i = 0; i < everyone.size(); i++) {
                    assertEquals(i + 1, everyone.get(i).get("seq").asLong(), "alice has every message, in order");
                    assertEquals("m" + i, everyone.get(i).get("id").asText(), "in the order she said them");
                }
                assertEquals(n, everyone.size());
                assertSameMessages(everyone, messages(b.frames), "bob");

                List<JsonNode> had = messages(readUntilClosed(silent));
                assertTrue(had.size() < n, "the stalled member cannot have had the messages said after its cut");
                // It reconnects, as any client after a drop, with the last message it holds.
                long after = had.isEmpty() ? 0 : had.get(had.size() - 1).get("seq").asLong();
                try (RoomClient back = new RoomClient(rig.relay.baseUrl(), stalled, "team", after)) {
                    assertEquals(n, back.await(RoomClient.type("live")).get("last_seq").asLong());
                    List<JsonNode> whole = new java.util.ArrayList<>(had);
                    whole.addAll(messages(back.frames));
                    assertSameMessages(everyone, whole, "the stalled member, reconnected after seq " + after);
                }
            }
        }
    }

    /** A message of the largest size allowed, saying which it is. */
    private static String bulky(int n) {
        String head = "m" + n + " ";
        return head + "x".repeat(RoomHub.MAX_MESSAGE_BYTES - head.length());
    }

    /**
     * The presence frame that shows the stalled member gone, or null while it is still listed (or
     * not yet: the three members join in no set order).
     */
    private static JsonNode cutOff(RoomClient c) {
        boolean listed = false;
        for (JsonNode f : c.frames) {
            if (f.path("type").asText().equals("presence")) {
                boolean now = f.get("members").toString().contains("\"stalled\"");
                if (listed && !now) {
                    return f;
                }
                listed |= now;
            }
        }
        return null;
    }

    private static List<JsonNode> messages(List<JsonNode> frames) {
        return frames.stream().filter(f -> f.path("type").asText().equals("message")).toList();
    }

    /** The same message frames in the same order; a difference is named by seq, not printed whole. */
    private static void assertSameMessages(List<JsonNode> expected, List<JsonNode> actual, String who) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            int at = i;
            assertTrue(expected.get(i).equals(actual.get(i)), () -> who + " differs at its message " + (at + 1) + ": seq "
                    + expected.get(at).get("seq") + " expected, seq " + actual.get(at).get("seq") + " found");
        }
        assertEquals(expected.size(), actual.size(), who + " has a different number of messages");
    }

    /**
     * What a client that stopped reading was sent before the server dropped it, as frames: reads
     * what the buffers still hold until the connection ends (a close or a reset), and fails if it
     * stays open. A frame cut off by the drop is not counted.
     */
    private static List<JsonNode> readUntilClosed(Socket socket) throws Exception {
        socket.setSoTimeout(10_000);
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int r; (r = in.read(buffer)) >= 0; ) {
                got.write(buffer, 0, r);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server never closed the connection that stopped reading", e);
        } catch (java.net.SocketException reset) {
            // A reset ends it too: the server dropped the connection without a close handshake.
        }
        byte[] bytes = got.toByteArray();
        List<JsonNode> frames = new java.util.ArrayList<>();
        java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at + 2 <= bytes.length) {
            boolean fin = (bytes[at] & 0x80) != 0;
            int opcode = bytes[at] & 0x0f;
            long length = bytes[at + 1] & 0x7f;
            int header = 2;
            if (length == 126) {
                header = 4;
            } else if (length == 127) {
                header = 10;
            }
            if (at + header > bytes.length) {
                break;
            }
            if (header > 2) {
                length = 0;
                for (int i = 2; i < header; i++) {
                    length = length << 8 | (bytes[at + i] & 0xff);
                }
            }
            if (at + header + length > bytes.length) {
                break;
            }
            // A server's frames are never masked; a text message may come in continuation frames.
            if (opcode == 1 || opcode == 0) {
                message.write(bytes, at + header, (int) length);
                if (fin) {
                    for (String line : message.toString(StandardCharsets.UTF_8).split("\n", -1)) {
                        frames.add(RelayRig.JSON.readTree(line));
                    }
                    message.reset();
                }
            }
            at += header + (int) length;
        }
        return frames;
    }

    /**
     * A client that completes the upgrade and then never reads or writes again (never pongs). Its
     * receive buffer is small, so what the server writes to it backs up in the server at once.
     */
    private static Socket upgradeAndFallSilent(RelayRig rig, String token) throws Exception {
        URI base = URI.create(rig.relay.baseUrl());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", base.getPort()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws/rooms/team HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        return socket;
    }
}
