package ai.holysheep.chat.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.sim.SimOptions;
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

    /** A client that completes the upgrade and then never reads or writes again (never pongs). */
    private static Socket upgradeAndFallSilent(RelayRig rig, String token) throws Exception {
        URI base = URI.create(rig.relay.baseUrl());
        Socket socket = new Socket("127.0.0.1", base.getPort());
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
