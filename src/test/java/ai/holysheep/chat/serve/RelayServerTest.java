package ai.holysheep.chat.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.ReceivedRequest;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.TeamStore;
import ai.holysheep.chat.store.UsageTotal;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class RelayServerTest {
    static final String PROMPT = "안녕, 릴레이";

    @TempDir
    Path dir;

    @Test
    void aRequestWithoutAValidMemberTokenIsRefusedAndNothingGoesUpstream() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            rig.addMember("alice", false);
            for (String token : new String[] {null, "", "hsm_not-a-member", RelayRig.KEY}) {
                HttpResponse<String> r = rig.post("/chat/completions", token, RelayRig.body(PROMPT, true));
                assertEquals(401, r.statusCode(), "token " + token);
                JsonNode error = RelayRig.JSON.readTree(r.body()).get("error");
                assertEquals("invalid_api_key", error.get("code").asText());
                assertEquals("invalid_request_error", error.get("type").asText());
            }
            assertEquals(401, rig.get(rig.relay.baseUrl() + "/models", "nope").statusCode());
            assertEquals(401, rig.get(rig.api("/api/stats"), null).statusCode());
            assertEquals(0, rig.sim.requestCount(), "nothing was sent upstream");
        }
    }

    @Test
    void aStreamArrivesExactlyWithTheRelaysKeyUpstreamAndTheMembersTokenNowhere() throws Exception {
        String expected = RelayRig.cleanAnswer(PROMPT);
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String token = rig.addMember("alice", false);
            RelayRig.Streamed s = rig.stream(token, RelayRig.body(PROMPT, true));
            assertEquals(200, s.status());
            assertEquals(expected, s.text());
            assertEquals("stop", s.finishReason());
            assertTrue(s.sawDone());
            assertNotNull(s.usage(), "the member asked for usage");
            ReceivedRequest upstream = rig.sim.requests().get(0);
            assertEquals("Bearer " + RelayRig.KEY, upstream.header("Authorization").orElseThrow());
            assertFalse(upstream.body().contains(token));
            assertFalse(String.join("\n", s.lines()).contains(RelayRig.KEY));
            assertTrue(upstream.json().path("stream").asBoolean(), "upstream is always streamed");
            long ids = s.lines().stream().filter(l -> l.startsWith("data: {"))
                    .map(l -> l.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).distinct().count();
            assertEquals(1, ids, "one answer, one id");
        }
    }

    @Test
    void parametersTheRelayDoesNotModelArePassedOnAndUsageIsOnlySentWhenAsked() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced().withFaults("drop@1:bytes=2500"))) {
            String token = rig.addMember("alice", false);
            RelayRig.Streamed s = rig.stream(token, "{\"model\":\"gpt-4.1\",\"stream\":true,\"top_p\":0.5,"
                    + "\"stop\":[\"zz\"],\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            assertEquals(200, s.status());
            assertNull(s.usage(), "no usage chunk unless the member asks for one");
            JsonNode sent = rig.sim.requests().get(0).json();
            assertEquals(0.5, sent.get("top_p").asDouble());
            assertEquals("zz", sent.get("stop").get(0).asText());
            assertEquals(50, sent.get("max_tokens").asInt());
            assertTrue(sent.path("stream_options").path("include_usage").asBoolean(), "the relay always asks for usage");
            JsonNode resumed = rig.sim.requests().get(1).json();
            assertEquals(0.5, resumed.get("top_p").asDouble(), "a continuation passes them on too");
            assertTrue(resumed.get("max_tokens").asInt() < 50, "and asks only for what is left of the budget: " + resumed);
        }
    }

    @Test
    void aWholeAnswerComesBackAsOneBody() throws Exception {
        String expected = RelayRig.cleanAnswer(PROMPT);
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced().withFaults("drop@1"))) {
            String token = rig.addMember("alice", false);
            HttpResponse<String> r = rig.post("/chat/completions", token, RelayRig.body(PROMPT, false));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = RelayRig.JSON.readTree(r.body());
            assertEquals("chat.completion", body.get("object").asText());
            assertEquals(expected, body.path("choices").path(0).path("message").path("content").asText(),
                    "a drop upstream is resumed for a whole answer too");
            assertTrue(body.path("usage").path("completion_tokens").asLong() > 0);
        }
    }

    /** Every fault the simulated gateway can play, as the member's plain client sees it: not at all. */
    @ParameterizedTest
    @ValueSource(strings = {"drop@1:bytes=700", "drop@1:bytes=1", "drop@1", "stall@1:bytes=600", "malformed@1:after=5",
        "error@1:after=7", "html@1", "429@1:retry-after=1", "500@1", "502@1", "503@1", "504@1", "529@1",
        "drop@1-3,503@4", "huge@1:after=3", "cr@1"})
    void anUpstreamFaultIsHiddenFromAPlainClient(String faults) throws Exception {
        String expected = RelayRig.cleanAnswer(PROMPT);
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced().withFaults(faults))) {
            String token = rig.addMember("alice", false);
            RelayRig.Streamed s = rig.stream(token, RelayRig.body(PROMPT, true));
            assertEquals(200, s.status(), faults);
            assertNull(s.error(), faults + ": " + s.lines());
            assertEquals(expected, s.text(), faults);
            assertTrue(s.sawDone(), faults);
            assertEquals(1, s.lines().stream().filter(l -> l.contains("\"role\":\"assistant\"")).count(),
                    "one answer begins once");
        }
    }

    @Test
    void aFailureBeforeTheAnswerBeganIsAnHttpStatusAndAfterItAnErrorEvent() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced().withFaults("400@1,503@2+"))) {
            String token = rig.addMember("alice", false);
            HttpResponse<String> rejected = rig.post("/chat/completions", token, RelayRig.body(PROMPT, true));
            assertEquals(400, rejected.statusCode(), "the request's own fault is the member's to fix");
            assertEquals("invalid_request_error", RelayRig.JSON.readTree(rejected.body()).path("error").path("type").asText());
            RelayRig.Streamed gaveUp = rig.stream(token, RelayRig.body(PROMPT, true));
            // Retries send comment lines, which begin the stream; the give-up is then an event.
            assertEquals(200, gaveUp.status());
            assertNotNull(gaveUp.error(), gaveUp.lines().toString());
            assertFalse(gaveUp.sawDone(), "an error is not followed by [DONE]");
            assertFalse(String.join("\n", gaveUp.lines()).contains(RelayRig.KEY));
        }
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String token = rig.addMember("alice", false);
            for (String body : List.of("not json", "[]", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                    "{\"model\":\"m\",\"messages\":[]}",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[]}",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":2}",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":7}]}",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{}}]}]}",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                            + "\"image_url\":{\"url\":\"data:image/png;base64,AA==\",\"detail\":\"high\"}}]}]}")) {
                HttpResponse<String> r = rig.post("/chat/completions", token, body);
                assertEquals(400, r.statusCode(), body);
                assertFalse(RelayRig.JSON.readTree(r.body()).path("error").path("message").asText().isBlank());
            }
            assertEquals(0, rig.sim.requestCount());
        }
    }

    @Test
    void aMessageWithImagesGoesUpstreamAsTextAndImageParts() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String token = rig.addMember("alice", false);
            String image = "data:image/png;base64,iVBORw0KGgo=";
            RelayRig.Streamed s = rig.stream(token, "{\"model\":\"gpt-4.1\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"무엇입니까?\"},"
                    + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + image + "\"}}]}]}");
            assertEquals(200, s.status());
            assertFalse(s.text().isEmpty());
            JsonNode content = RelayRig.JSON.readTree(rig.sim.requests().get(0).body()).at("/messages/0/content");
            assertEquals("무엇입니까?", content.at("/0/text").asText());
            assertEquals(image, content.at("/1/image_url/url").asText());
            assertEquals(2, content.size());
        }
    }

    @Test
    void modelsAreListedFromUpstream() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced())) {
            String token = rig.addMember("alice", false);
            HttpResponse<String> r = rig.get(rig.relay.baseUrl() + "/models", token);
            assertEquals(200, r.statusCode());
            JsonNode data = RelayRig.JSON.readTree(r.body()).get("data");
            assertTrue(data.size() > 1);
            assertEquals("model", data.get(0).get("object").asText());
        }
    }

    @Test
    void everyRelayedRequestIsAccountedToItsMember() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SimOptions.defaults().unpaced().withFaults("drop@2"))) {
            String alice = rig.addMember("alice", false);
            String bob = rig.addMember("bob", false);
            String admin = rig.addMember("root", true);
            rig.stream(alice, RelayRig.body(PROMPT, true));
            rig.stream(bob, RelayRig.body(PROMPT, true));
            rig.post("/chat/completions", bob, RelayRig.body(PROMPT, false));
            List<UsageTotal> byMember = rig.store.usage(Instant.EPOCH, TeamStore.Grouping.MEMBER, null);
            assertEquals(2, byMember.size());
            UsageTotal bobs = byMember.stream().filter(t -> t.key().equals("bob")).findFirst().orElseThrow();
            assertEquals(2, bobs.requests());
            assertEquals(1, bobs.resumes(), "bob's stream was resumed after a drop");
            assertTrue(bobs.completionTokens() > 0 && bobs.costUsd() > 0);
            JsonNode mine = RelayRig.JSON.readTree(rig.get(rig.api("/api/usage?since=1h"), alice).body());
            assertEquals(1, mine.get("data").size(), "a member sees only its own usage");
            assertEquals("alice", mine.get("data").get(0).get("member").asText());
            JsonNode all = RelayRig.JSON.readTree(rig.get(rig.api("/api/usage?by=model"), admin).body());
            assertEquals("gpt-4.1", all.get("data").get(0).get("model").asText());
            assertEquals(3, all.get("data").get(0).get("requests").asInt(), "an admin sees everyone's");
            assertEquals(400, rig.get(rig.api("/api/usage?by=colour"), admin).statusCode());
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (rig.statsLines.stream().noneMatch(l -> l.contains("3 requests")) && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling for the next stats line, not timing anything
            }
            assertTrue(rig.statsLines.stream().anyMatch(l -> l.matches("serve: \\d+ connections, \\d+ active streams,"
                    + " 3 requests, \\d+ chunks \\(\\d+ bytes\\) relayed, \\d+ upstream retries, 1 resumes")),
                    "a stats line at the set pace: " + rig.statsLines);
            JsonNode stats = RelayRig.JSON.readTree(rig.get(rig.api("/api/stats"), alice).body());
            assertEquals(3, stats.get("requests").asInt());
            assertEquals(1, stats.get("resumes").asInt());
            assertTrue(stats.get("chunks_relayed").asInt() > 0 && stats.get("bytes_relayed").asInt() > 0);
        }
    }
}
