package ai.holysheep.chat.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each fault as a client meets it on the wire. */
class FaultInjectionTest {
    private static final String PROMPT = "한국어로 스트리밍을 설명해 주세요";
    private static final String STREAM = Wire.chat("gpt-4.1", PROMPT, true, null);

    /** The bytes a clean gateway with the same seed and clock sends for the first request. */
    private static byte[] cleanBody(String request) throws IOException {
        try (SimGateway clean = SimGateway.start(Wire.testOptions())) {
            Wire.Reply reply = Wire.post(clean, request);
            assertTrue(reply.body().endedCleanly());
            return reply.body().bytes();
        }
    }

    private static SimGateway faulty(String spec) throws IOException {
        return SimGateway.start(Wire.testOptions().withFaults(spec));
    }

    @Test
    void dropDeliversExactlyTheFirstBytesThenBreaksTheStream() throws Exception {
        byte[] clean = cleanBody(STREAM);
        try (SimGateway gateway = faulty("drop@1:bytes=300")) {
            Wire.Reply reply = Wire.post(gateway, STREAM);

            assertEquals(200, reply.status());
            assertArrayEquals(Arrays.copyOf(clean, 300), reply.body().bytes());
            assertNotNull(reply.body().failure(), "a drop must not look like a clean end of the body");
        }
    }

    @Test
    void dropCanLandInsideAHangulCharacter() throws Exception {
        byte[] clean = cleanBody(STREAM);
        int hangulLead = firstHangulByte(clean);
        try (SimGateway gateway = faulty("drop@1:bytes=" + (hangulLead + 1))) {
            Wire.Reply reply = Wire.post(gateway, STREAM);

            byte[] got = reply.body().bytes();
            assertEquals(hangulLead + 1, got.length);
            assertArrayEquals(Arrays.copyOf(clean, hangulLead + 1), got);
            assertEquals(0xE0, got[got.length - 1] & 0xF0, "the body ends on the lead byte of a 3-byte character");
            assertNotNull(reply.body().failure());
        }
    }

    @Test
    void theJdkHttpClientAlsoSeesADropAsAnError() throws Exception {
        try (SimGateway gateway = faulty("drop@1:bytes=300,drop@2:bytes=40")) {
            HttpResponse<java.io.InputStream> streamed = Wire.postWithJdkClient(gateway, STREAM);
            assertNotNull(Wire.readAll(streamed.body()).failure());
            HttpResponse<java.io.InputStream> whole = Wire.postWithJdkClient(gateway, Wire.chat("gpt-4.1", PROMPT, false, null));
            Wire.Received body = Wire.readAll(whole.body());
            assertNotNull(body.failure(), "a whole answer cut short of its Content-Length is an error");
        }
    }

    @Test
    void dropWithoutBytesCutsSomewhereInsideTheBody() throws Exception {
        byte[] clean = cleanBody(STREAM);
        try (SimGateway gateway = faulty("drop@1")) {
            Wire.Reply reply = Wire.post(gateway, STREAM);
            int got = reply.body().bytes().length;
            assertTrue(got > 0 && got < clean.length);
            assertNotNull(reply.body().failure());
        }
    }

    @Test
    void stallIsNoticedByTheClientsReadTimeout() throws Exception {
        byte[] clean = cleanBody(STREAM);
        try (SimGateway gateway = faulty("stall@1:bytes=500")) {
            Wire.Reply reply = Wire.post(gateway, STREAM, Duration.ofSeconds(1));

            assertArrayEquals(Arrays.copyOf(clean, 500), reply.body().bytes());
            assertInstanceOf(SocketTimeoutException.class, reply.body().failure());
        }
    }

    @Test
    void closingTheGatewayEndsAStalledResponse() throws Exception {
        SimGateway gateway = faulty("stall@1:bytes=200");
        CountDownLatch streaming = new CountDownLatch(1);
        CompletableFuture<Wire.Reply> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return Wire.post(gateway, STREAM, Duration.ofMinutes(5), 200, streaming::countDown);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(streaming.await(10, TimeUnit.SECONDS));
        gateway.close();

        Wire.Reply reply = pending.get(10, TimeUnit.SECONDS);
        assertEquals(200, reply.body().bytes().length);
        assertNotNull(reply.body().failure());
    }

    @Test
    void rateLimitCarriesRetryAfter() throws Exception {
        try (SimGateway gateway = faulty("429@1:retry-after=3,429@2")) {
            Wire.Reply first = Wire.post(gateway, STREAM);
            assertEquals(429, first.status());
            assertEquals("3", first.retryAfter());
            assertEquals("rate_limit_error", errorOf(first).path("type").asText());
            assertEquals("1", Wire.post(gateway, STREAM).retryAfter());
            assertEquals(200, Wire.post(gateway, STREAM).status(), "the third request is not scheduled to fail");
        }
    }

    @Test
    void serverErrorsComeWithJsonErrorBodies() throws Exception {
        try (SimGateway gateway = faulty("500@1,502@2,503@3:retry-after=2,504@4,529@5")) {
            for (int status : new int[] {500, 502, 503, 504, 529}) {
                Wire.Reply reply = Wire.post(gateway, STREAM);
                assertEquals(status, reply.status());
                assertTrue(reply.contentType().startsWith("application/json"));
                JsonNode error = errorOf(reply);
                assertFalse(error.path("message").asText().isEmpty());
                assertFalse(error.path("type").asText().isEmpty());
                assertEquals(status == 503 ? "2" : null, reply.retryAfter());
                if (status == 529) {
                    assertEquals("overloaded_error", error.path("type").asText());
                }
            }
        }
    }

    @Test
    void htmlErrorPageLooksLikeAProxy() throws Exception {
        try (SimGateway gateway = faulty("html@1,html@2:status=504")) {
            Wire.Reply reply = Wire.post(gateway, STREAM);
            assertEquals(502, reply.status());
            assertTrue(reply.contentType().startsWith("text/html"));
            assertTrue(reply.text().contains("<title>502 Bad Gateway</title>"));
            assertEquals(504, Wire.post(gateway, STREAM).status());
        }
    }

    @Test
    void malformedChunkIsOneBrokenEventInAnOtherwiseWholeStream() throws Exception {
        try (SimGateway gateway = faulty("malformed@1:after=5")) {
            Wire.Reply reply = Wire.post(gateway, STREAM);

            assertTrue(reply.body().endedCleanly());
            List<String> payloads = Wire.dataPayloads(reply.text());
            int broken = 0;
            StringBuilder content = new StringBuilder();
            for (String payload : payloads) {
                if (payload.equals("[DONE]")) {
                    continue;
                }
                try {
                    JsonNode delta = Wire.JSON.readTree(payload).path("choices").path(0).path("delta");
                    content.append(delta.path("content").asText(""));
                } catch (JsonProcessingException e) {
                    broken++;
                    assertEquals(6, payloads.indexOf(payload), "after the role chunk and five pieces");
                }
            }
            assertEquals(1, broken);
            assertEquals(DemoAnswer.compose(PROMPT, 7), content.toString());
            assertEquals("[DONE]", payloads.get(payloads.size() - 1));
        }
    }

    @Test
    void errorEventEndsTheStreamWithoutDone() throws Exception {
        try (SimGateway gateway = faulty("error@1:after=4")) {
            Wire.Reply reply = Wire.post(gateway, STREAM);

            assertTrue(reply.body().endedCleanly());
            List<String> payloads = Wire.dataPayloads(reply.text());
            JsonNode last = Wire.JSON.readTree(payloads.get(payloads.size() - 1));
            assertEquals("server_error", last.path("error").path("type").asText());
            assertFalse(last.path("error").path("message").asText().isEmpty());
            assertEquals(6, payloads.size(), "role chunk, four pieces, the error");
            assertEquals(String.join("", Tokens.split(DemoAnswer.compose(PROMPT, 7)).subList(0, 4)), Wire.content(reply.text()));
        }
    }

    @Test
    void dripSendsTheSameBytesInTinyWrites() throws Exception {
        byte[] clean = cleanBody(STREAM);
        try (SimGateway gateway = faulty("drip@1:bytes=3:pause-ms=0")) {
            Wire.Reply reply = Wire.post(gateway, STREAM);

            assertTrue(reply.body().endedCleanly());
            assertArrayEquals(clean, reply.body().bytes());
            assertInstanceOf(Fault.Drip.class, gateway.requests().get(0).fault().orElseThrow());
        }
    }

    @Test
    void faultsApplyOnlyToTheirScheduledRequests() throws Exception {
        try (SimGateway gateway = faulty("503@2")) {
            assertEquals(200, Wire.post(gateway, STREAM).status());
            assertEquals(503, Wire.post(gateway, STREAM).status());
            assertEquals(200, Wire.post(gateway, STREAM).status());
            assertEquals(3, gateway.requestCount());
            assertTrue(gateway.requests().get(1).fault().isPresent());
        }
    }

    @Test
    void sameSpecAndSeedGiveTheSameFaultSequence() throws Exception {
        String spec = "drop:0.2,stall:0.05,503:0.1,500@3";
        List<Object> first = sequence(spec, 42);
        assertEquals(first, sequence(spec, 42));
        assertTrue(!first.equals(sequence(spec, 43)));
        try (SimGateway gateway = SimGateway.start(Wire.testOptions().withSeed(42).withFaults("503:0.5"))) {
            for (int i = 0; i < 8; i++) {
                Wire.post(gateway, STREAM);
            }
            for (ReceivedRequest request : gateway.requests()) {
                assertEquals(FaultPlan.parse("503:0.5").faultFor(request.number(), 42), request.fault());
            }
        }
    }

    @Test
    void probabilitiesShowUpAtRoughlyTheirRate() {
        FaultPlan plan = FaultPlan.parse("drop:0.2,503:0.1");
        int drops = 0;
        int unavailable = 0;
        for (long n = 1; n <= 10_000; n++) {
            Fault fault = plan.faultFor(n, 5).orElse(null);
            drops += fault instanceof Fault.Drop ? 1 : 0;
            unavailable += fault instanceof Fault.ErrorStatus ? 1 : 0;
        }
        assertTrue(drops > 1_700 && drops < 2_300, "drops: " + drops);
        assertTrue(unavailable > 800 && unavailable < 1_200, "503s: " + unavailable);
    }

    @Test
    void everyThreadOfTheGatewayIsADaemon() throws Exception {
        try (SimGateway gateway = faulty("")) {
            Wire.post(gateway, STREAM);
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sim-gateway") || t.getName().startsWith("HTTP-Dispatcher"))
                .forEach(t -> assertTrue(t.isDaemon(), t.getName() + " must not keep the JVM alive"));
        }
    }

    @Test
    void badSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SimOptions.defaults().withFaults("explode@1"));
    }

    private static List<Object> sequence(String spec, long seed) {
        FaultPlan plan = FaultPlan.parse(spec);
        return java.util.stream.LongStream.rangeClosed(1, 200).mapToObj(n -> (Object) plan.faultFor(n, seed)).toList();
    }

    private static JsonNode errorOf(Wire.Reply reply) throws IOException {
        return Wire.JSON.readTree(reply.text()).path("error");
    }

    /** Offset of the first byte of the first Hangul syllable inside a content delta. */
    private static int firstHangulByte(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int contentAt = text.indexOf("\"content\":\"", text.indexOf("\n\n"));
        for (int i = contentAt; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HANGUL) {
                return text.substring(0, i).getBytes(StandardCharsets.UTF_8).length;
            }
        }
        throw new AssertionError("no Hangul in the stream");
    }
}
