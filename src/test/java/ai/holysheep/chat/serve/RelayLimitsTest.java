package ai.holysheep.chat.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.FakeClock;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a member may ask of the relay, and what happens when the member or the relay goes away. */
@Timeout(60)
class RelayLimitsTest {
    static final String PROMPT = "천천히 길게";
    /** An answer that takes twenty seconds: long enough that anything ending sooner was ended. */
    static final SimOptions SLOW = SimOptions.defaults().withTokensPerSecond(20).withAnswerTokens(400);

    @TempDir
    Path dir;

    @Test
    void aGateCountsOpenRequestsAndASlidingMinute() {
        FakeClock clock = new FakeClock(Instant.parse("2026-12-02T10:00:00Z"));
        Gate gate = new Gate(2, 3, clock);
        Gate.Admitted first = assertInstanceOf(Gate.Admitted.class, gate.admit("alice"));
        Gate.Admitted second = assertInstanceOf(Gate.Admitted.class, gate.admit("alice"));
        Gate.Refused busy = assertInstanceOf(Gate.Refused.class, gate.admit("alice"), "two open at once is the limit");
        assertTrue(busy.message().contains("2"));
        assertInstanceOf(Gate.Admitted.class, gate.admit("bob"), "limits are per member");
        first.release();
        clock.advance(Duration.ofSeconds(20));
        Gate.Admitted third = assertInstanceOf(Gate.Admitted.class, gate.admit("alice"), "a released request frees its place");
        second.release();
        third.release();
        Gate.Refused minute = assertInstanceOf(Gate.Refused.class, gate.admit("alice"));
        assertEquals(Duration.ofSeconds(40), minute.retryAfter(), "until the oldest of the three leaves the window");
        clock.advance(Duration.ofSeconds(39));
        assertInstanceOf(Gate.Refused.class, gate.admit("alice"), "the minute is not over");
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(Gate.Admitted.class, gate.admit("alice"), "the oldest request has left the window");
    }

    @Test
    void overTheLimitsIsA429WithRetryAfterAndA413ForABigBody() throws Exception {
        ServeLimits limits = new ServeLimits("127.0.0.1", 0, Duration.ofSeconds(15), 1, 60, 2048);
        try (RelayRig rig = new RelayRig(dir, SLOW, limits, Clock.systemUTC(), Duration.ofSeconds(5),
                ResumeMode.CONTINUE)) {
            String token = rig.addMember("alice", false);
            String other = rig.addMember("bob", false);
            CompletableFuture<RelayRig.Streamed> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return rig.stream(token, RelayRig.body(PROMPT, true));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            awaitActiveStreams(rig, 1);
            HttpResponse<String> second = rig.post("/chat/completions", token, RelayRig.body(PROMPT, true));
            assertEquals(429, second.statusCode());
            assertTrue(second.headers().firstValue("Retry-After").isPresent());
            assertEquals("rate_limit_error", RelayRig.JSON.readTree(second.body()).path("error").path("type").asText());
            HttpResponse<String> big = rig.post("/chat/completions", other,
                    RelayRig.body("x".repeat(4000), true));
            assertEquals(413, big.statusCode());
            assertEquals(1, rig.sim.requestCount(), "neither refused request went upstream");
            running.cancel(true);
        }
    }

    @Test
    void upstreamIsSilentButTheMemberHearsAKeepAliveAndGetsTheWholeAnswer() throws Exception {
        String expected = RelayRig.cleanAnswer(PROMPT);
        ServeLimits limits = ServeLimits.DEFAULTS.withKeepalive(Duration.ofMillis(100));
        try (RelayRig rig = new RelayRig(dir, SimOptions.defaults().unpaced().withFaults("stall@1:bytes=600"), limits,
                Clock.systemUTC(), Duration.ofMillis(1500), ResumeMode.CONTINUE)) {
            String token = rig.addMember("alice", false);
            RelayRig.Streamed s = rig.stream(token, RelayRig.body(PROMPT, true));
            assertEquals(expected, s.text());
            assertTrue(s.comments("keep-alive") >= 3, "a comment every 100 ms of a 1.5 s silence: " + s.lines());
        }
    }

    @Test
    void aMemberWhoLeavesHasItsUpstreamCallCancelledAtOnce() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SLOW)) {
            String token = rig.addMember("alice", false);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(URI.create(rig.relay.baseUrl() + "/chat/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString(RelayRig.body(PROMPT, true)))
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("data: "), "the answer began");
            assertEquals(1, rig.http.dispatcher().runningCallsCount());
            in.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (rig.http.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10); // polling for the cancel to land, not timing anything
            }
            assertEquals(0, rig.http.dispatcher().runningCallsCount(), "upstream call still running");
            awaitActiveStreams(rig, 0);
        }
    }

    @Test
    void shuttingDownEndsARunningStreamWithAnErrorEventAndRefusesNewOnes() throws Exception {
        try (RelayRig rig = RelayRig.start(dir, SLOW)) {
            String token = rig.addMember("alice", false);
            CompletableFuture<RelayRig.Streamed> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return rig.stream(token, RelayRig.body(PROMPT, true));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            awaitActiveStreams(rig, 1);
            rig.relay.shutdown(Duration.ofMillis(200));
            RelayRig.Streamed ended = running.get(10, TimeUnit.SECONDS);
            assertNotNull(ended.error(), ended.lines().toString());
            assertTrue(ended.error().path("message").asText().contains("shutting down"));
            assertFalse(ended.sawDone());
            assertFalse(ended.text().isEmpty(), "what was relayed before stays relayed");
        }
    }

    private static void awaitActiveStreams(RelayRig rig, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String stats = rig.get(rig.api("/api/stats"), rig.addMember("probe-" + System.nanoTime(), false)).body();
            if (RelayRig.JSON.readTree(stats).get("active_streams").asInt() == expected) {
                return;
            }
            Thread.sleep(20); // polling the relay's own counter, not timing anything
        }
        throw new AssertionError("active streams never became " + expected);
    }
}
