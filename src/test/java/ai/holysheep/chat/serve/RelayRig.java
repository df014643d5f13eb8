package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.Secret;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.TeamStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;

/**
 * A relay in front of the simulated gateway, on loopback, with one database in a temp dir, and a
 * plain HTTP client (the JDK's, which knows nothing of resuming) as the member.
 */
final class RelayRig implements AutoCloseable {
    static final String KEY = "sk-relay-upstream-key-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The stats line's pace in tests: a minute in a real server. */
    static final Duration STATS_EVERY = Duration.ofMillis(200);

    final SimGateway sim;
    final OkHttpClient http;
    final TeamStore store;
    final RelayServer relay;
    final List<String> statsLines = new CopyOnWriteArrayList<>();
    private final HttpClient member = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RelayRig(Path dir, SimOptions sim, ServeLimits limits, Clock clock, Duration idle, ResumeMode mode)
            throws IOException {
        this(dir, sim, limits, clock, idle, mode, RoomHub.Heartbeat.DEFAULT);
    }

    RelayRig(Path dir, SimOptions sim, ServeLimits limits, Clock clock, Duration idle, ResumeMode mode,
             RoomHub.Heartbeat heartbeat) throws IOException {
        this.sim = SimGateway.start(sim);
        this.http = GatewayClient.httpClient(Duration.ofSeconds(5), idle).build();
        this.store = TeamStore.open(dir.resolve("serve.db"), clock);
        RetrySettings retry = new RetrySettings(5, Duration.ofMillis(10), 1.5, Duration.ofMillis(100), 0.2,
                idle, Duration.ofSeconds(5), Duration.ofSeconds(60), mode);
        Upstream upstream = new Upstream(new GatewayClient(http, this.sim.baseUrl(), new Secret(KEY)), retry,
                Map.of("gpt-4.1", new Price(2, 8)), "gpt-4.1", List.of("gpt-4.1", "deepseek-v3.2"));
        this.relay = RelayServer.start(upstream, limits.withAddress("127.0.0.1", 0), store, clock, statsLines::add,
                heartbeat, STATS_EVERY);
    }

    static RelayRig start(Path dir, SimOptions sim) throws IOException {
        return new RelayRig(dir, sim, ServeLimits.DEFAULTS, Clock.systemUTC(), Duration.ofMillis(300),
                ResumeMode.CONTINUE);
    }

    String addMember(String name, boolean admin) {
        String token = MemberTokens.newToken();
        store.addMember(name, MemberTokens.hash(token), admin);
        return token;
    }

    static String body(String prompt, boolean stream) {
        return "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":" + quote(prompt) + "}],"
                + "\"stream\":" + stream + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relay.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return member.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return member.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String api(String path) {
        return relay.baseUrl().replaceFirst("/v1$", "") + path;
    }

    /** A streamed answer as a plain SSE client reads it. */
    record Streamed(int status, List<String> lines, String text, String finishReason, JsonNode usage, JsonNode error,
                    boolean sawDone) {
        long comments(String text) {
            return lines.stream().filter(l -> l.equals(": " + text)).count();
        }
    }

    Streamed stream(String token, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + token).build();
        HttpResponse<java.io.InputStream> response = member.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        JsonNode error = null;
        boolean done = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
                if (!line.startsWith("data: ")) {
                    continue;
                }
                String data = line.substring(6);
                if (data.equals("[DONE]")) {
                    done = true;
                    continue;
                }
                JsonNode event = JSON.readTree(data);
                if (event.has("error")) {
                    error = event.get("error");
                }
                if (event.hasNonNull("usage")) {
                    usage = event.get("usage");
                }
                for (JsonNode choice : event.path("choices")) {
                    text.append(choice.path("delta").path("content").asText(""));
                    if (choice.hasNonNull("finish_reason")) {
                        finish = choice.get("finish_reason").asText();
                    }
                }
            }
        }
        return new Streamed(response.statusCode(), lines, text.toString(), finish, usage, error, done);
    }

    /** The answer the simulated gateway gives to {@code prompt} when nothing goes wrong. */
    static String cleanAnswer(String prompt) throws IOException, InterruptedException {
        try (SimGateway clean = SimGateway.start(SimOptions.defaults().unpaced())) {
            HttpClient direct = HttpClient.newHttpClient();
            HttpResponse<String> r = direct.send(HttpRequest.newBuilder(URI.create(clean.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(body(prompt, false))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return JSON.readTree(r.body()).path("choices").path(0).path("message").path("content").asText();
        }
    }

    @Override
    public void close() {
        relay.close();
        sim.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
