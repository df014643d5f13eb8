package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code --verbose} log: what it writes for each call, and what it never writes. */
@Timeout(20)
class RequestLogTest {
    private static final String KEY = "sk-live-0123456789abcdef";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:11:12.345Z"), ZoneOffset.UTC);

    private MockWebServer server;
    private final StringWriter text = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OkHttpClient client(boolean bodies) {
        return RequestLog.to(new PrintWriter(text), bodies, CLOCK).attachTo(new OkHttpClient.Builder(), KEY, null).build();
    }

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    private static Request post(HttpUrl url, String body) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + KEY)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    }

    @Test
    void aDisabledLogWritesNothingAndAddsNoInterceptor() {
        RequestLog log = RequestLog.disabled();
        assertFalse(log.enabled());
        log.note("nothing");
        OkHttpClient.Builder b = new OkHttpClient.Builder();
        assertTrue(log.attachTo(b, KEY) == b);
        assertTrue(b.interceptors().isEmpty());
        assertTrue(RequestLog.to(new PrintWriter(text), false, CLOCK).enabled());
        assertEquals("", text.toString());
    }

    @Test
    void aNoteIsTimestampedByTheClockAndHidesTheKey() {
        RequestLog log = RequestLog.to(new PrintWriter(text), false, CLOCK);
        log.attachTo(new OkHttpClient.Builder(), KEY);
        log.note("retrying after 401: Incorrect API key provided: " + KEY);
        assertEquals(List.of("10:11:12.345 retrying after 401: Incorrect API key provided: [key]"), lines());
    }

    @Test
    void withBodiesTheWholeExchangeIsLoggedAndTheKeyNowhere() throws IOException {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .setHeader("Retry-After", "7").setHeader("retry-after-ms", "7000")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}\r\n\r\ntail").build());
        try (Response r = client(true).newCall(post(server.url("/v1/chat/completions"), "{\"q\":\"hello\"}")).execute()) {
            assertEquals("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}\r\n\r\ntail",
                    r.body().string(), "the caller still reads the body unchanged");
        }
        List<String> lines = lines();
        String all = text.toString();
        assertFalse(all.contains(KEY), all);
        assertFalse(all.contains("Bearer"), all);
        assertEquals("10:11:12.345 #1 → POST " + server.url("/v1/chat/completions"), lines.get(0));
        assertEquals("10:11:12.345 #1   request body: {\"q\":\"hello\"}", lines.get(1));
        assertTrue(lines.get(2).matches("10:11:12\\.345 #1 ← 401 after \\d+ ms, Content-Type: application/json,"
                + " Retry-After: 7, retry-after-ms: 7000"), lines.get(2));
        assertEquals("10:11:12.345 #1   body: {\"error\":{\"message\":\"Incorrect API key provided: [key]\"}}",
                lines.get(3));
        assertEquals("10:11:12.345 #1   body: tail", lines.get(4), "the unfinished last line too, and no empty ones");
        assertEquals(5 + 1, lines.size(), all);
        long bytes = ("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}\r\n\r\ntail").length();
        assertTrue(lines.get(5).matches("10:11:12\\.345 #1 body ended after \\d+ ms, " + bytes + " bytes"), lines.get(5));
        assertTrue(millis(lines.get(2)) < 60_000 && millis(lines.get(5)) < 60_000, all);
    }

    @Test
    void withoutBodiesOnlyTheirEndsAndSizesAreLogged() throws IOException {
        server.enqueue(new MockResponse.Builder().body("secret conversation\n").build());
        server.enqueue(new MockResponse.Builder().body("more\n").build());
        OkHttpClient http = client(false);
        for (int i = 0; i < 2; i++) {
            try (Response r = http.newCall(post(server.url("/v1/chat/completions"), "{\"q\":\"private\"}")).execute()) {
                r.body().string();
            }
        }
        String all = text.toString();
        assertFalse(all.contains("private") || all.contains("conversation") || all.contains("body:"), all);
        List<String> lines = lines();
        assertEquals(6, lines.size(), all);
        assertTrue(lines.get(2).matches(".* #1 body ended after \\d+ ms, 20 bytes"), lines.get(2));
        assertTrue(lines.get(3).endsWith(" #2 → POST " + server.url("/v1/chat/completions")), lines.get(3));
        assertTrue(lines.get(4).matches(".* #2 ← 200 after \\d+ ms"), lines.get(4));
        assertTrue(lines.get(5).matches(".* #2 body ended after \\d+ ms, 5 bytes"), lines.get(5));
    }

    @Test
    void aBodyClosedUnreadIsLoggedOnce() throws IOException {
        server.enqueue(new MockResponse.Builder().body("unread").build());
        Response r = client(true).newCall(new Request.Builder().url(server.url("/v1/models")).build()).execute();
        r.close();
        r.close();
        List<String> lines = lines();
        assertEquals(3, lines.size(), text.toString());
        assertTrue(lines.get(0).endsWith(" #1 → GET " + server.url("/v1/models")), lines.get(0));
        assertTrue(lines.get(2).matches(".* #1 body closed after \\d+ ms, 0 bytes"), lines.get(2));
    }

    @Test
    void aBodyThatBreaksSaysHow() {
        server.enqueue(new MockResponse.Builder().body("data: partial\ndata: cut").setHeader("Content-Length", "1000")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        assertThrows(IOException.class, () -> {
            try (Response r = client(true).newCall(new Request.Builder().url(server.url("/v1/x")).build()).execute()) {
                r.body().string();
            }
        });
        String all = text.toString();
        assertTrue(all.matches("(?s).* #1 body broke \\([A-Za-z]+Exception\\) after \\d+ ms, \\d+ bytes\n.*"), all);
        assertEquals(1, all.lines().filter(l -> l.contains(" body broke ") || l.contains(" body closed ")).count(), all);
    }

    @Test
    void aCallThatCannotConnectIsLoggedAndStillFails() {
        HttpUrl url = server.url("/v1/models");
        server.close();
        assertThrows(IOException.class, () -> client(false).newCall(new Request.Builder().url(url).build()).execute());
        List<String> lines = lines();
        assertEquals(2, lines.size(), text.toString());
        assertTrue(lines.get(1).matches(".* #1 ✗ ConnectException: .+ after \\d+ ms"), lines.get(1));
    }

    @Test
    void theUrlLosesItsUserInfoAndKeyLikeParameters() {
        HttpUrl url = HttpUrl.get("http://user:pw@127.0.0.1:9/v1/chat?api-version=2024&API_KEY=k1&access_token=t"
                + "&client_secret=s&auth=a");
        assertEquals("http://127.0.0.1:9/v1/chat?api-version=2024&API_KEY=REDACTED&access_token=REDACTED"
                + "&client_secret=REDACTED&auth=REDACTED", RequestLog.redact(url));
    }

    private static long millis(String line) {
        Matcher m = Pattern.compile("after (\\d+) ms").matcher(line);
        assertTrue(m.find(), line);
        return Long.parseLong(m.group(1));
    }
}
