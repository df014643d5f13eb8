package ai.holysheep.chat.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A plain JDK HTTP client talking to the gateway the way any OpenAI-compatible client would. */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Wire() {
    }

    static SimOptions testOptions() {
        return SimOptions.defaults().unpaced().withSeed(7).withClock(FIXED_CLOCK);
    }

    /** A request body: one user message, plus an assistant prefill if given. */
    static String chat(String model, String prompt, boolean stream, String prefill) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", stream);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "Be brief.");
        messages.addObject().put("role", "user").put("content", prompt);
        if (prefill != null) {
            messages.addObject().put("role", "assistant").put("content", prefill);
        }
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body.toString();
    }

    /**
     * Posts {@code body} and reads the whole response. HttpURLConnection hands over every body byte
     * that arrived before a connection broke (java.net.http drops the last ones), which the drop
     * tests need to count bytes exactly.
     */
    static Reply post(SimGateway gateway, String body, Duration readTimeout) throws IOException {
        return post(gateway, body, readTimeout, 0, () -> { });
    }

    /** As above, calling {@code onArrival} once {@code count} body bytes have arrived. */
    static Reply post(SimGateway gateway, String body, Duration readTimeout, int count, Runnable onArrival) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(gateway.baseUrl() + "/chat/completions").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setReadTimeout((int) readTimeout.toMillis());
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", "Bearer sim-test");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        return new Reply(status, connection.getContentType(), connection.getHeaderField("Retry-After"), readAll(stream, count, onArrival));
    }

    static Reply post(SimGateway gateway, String body) throws IOException {
        return post(gateway, body, Duration.ofSeconds(30));
    }

    record Reply(int status, String contentType, String retryAfter, Received body) {
        String text() {
            return body.text();
        }
    }

    static HttpResponse<String> get(SimGateway gateway, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<InputStream> postWithJdkClient(SimGateway gateway, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** What a client read from a body before it ended, and how it ended. */
    record Received(byte[] bytes, IOException failure) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        boolean endedCleanly() {
            return failure == null;
        }
    }

    static Received readAll(InputStream body) {
        return readAll(body, 0, () -> { });
    }

    static Received readAll(InputStream body, int count, Runnable onArrival) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (body) {
            int b;
            while ((b = body.read()) >= 0) {
                bytes.write(b);
                if (bytes.size() == count) {
                    onArrival.run();
                }
            }
            return new Received(bytes.toByteArray(), null);
        } catch (IOException e) {
            return new Received(bytes.toByteArray(), e);
        }
    }

    /** The {@code data:} payloads of a complete SSE body, in order. */
    static List<String> dataPayloads(String sse) {
        List<String> payloads = new ArrayList<>();
        for (String event : sse.split("\n\n")) {
            if (event.startsWith("data: ")) {
                payloads.add(event.substring("data: ".length()));
            }
        }
        return payloads;
    }

    static List<JsonNode> chunks(String sse) throws IOException {
        List<JsonNode> chunks = new ArrayList<>();
        for (String payload : dataPayloads(sse)) {
            if (!payload.equals("[DONE]")) {
                chunks.add(JSON.readTree(payload));
            }
        }
        return chunks;
    }

    /** The answer text a client reassembles from the stream's content deltas. */
    static String content(String sse) throws IOException {
        return deltas(sse, "content");
    }

    static String deltas(String sse, String field) throws IOException {
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks(sse)) {
            JsonNode value = chunk.path("choices").path(0).path("delta").path(field);
            if (value.isTextual()) {
                text.append(value.asText());
            }
        }
        return text.toString();
    }
}
