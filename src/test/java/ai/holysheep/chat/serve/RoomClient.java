package ai.holysheep.chat.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A member in a room over OkHttp's WebSocket client, keeping every frame it receives: a WebSocket
 * message holds one frame or several, one JSON object per line, and each is kept on its own.
 */
final class RoomClient implements AutoCloseable {
    private static final OkHttpClient HTTP = new OkHttpClient();

    final List<JsonNode> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlockingQueue<JsonNode> unread = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> refused = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    RoomClient(String relayBaseUrl, String token, String room, long after) {
        String url = relayBaseUrl.replaceFirst("/v1$", "") + "/ws/rooms/" + room + "?after=" + after;
        Request.Builder request = new Request.Builder().url(url);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        socket = HTTP.newWebSocket(request.build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                for (String line : text.split("\n", -1)) {
                    JsonNode frame;
                    try {
                        frame = RelayRig.JSON.readTree(line);
                    } catch (IOException e) {
                        frame = RelayRig.JSON.getNodeFactory().textNode("not a JSON line: " + line);
                    }
                    frames.add(frame);
                    unread.add(frame);
                }
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                refused.add(response == null ? -1 : response.code());
            }
        });
    }

    void say(String id, String text) {
        socket.send(sayFrame(id, text));
    }

    static String sayFrame(String id, String text) {
        return "{\"type\":\"say\",\"id\":" + RelayRig.quote(id) + ",\"text\":" + RelayRig.quote(text) + "}";
    }

    void send(String raw) {
        socket.send(raw);
    }

    /** The next frame matching {@code wanted}, skipping others; fails after 10 s. */
    JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode next = unread.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no such frame within 10 s; frames: " + frames);
            }
            if (wanted.test(next)) {
                return next;
            }
        }
    }

    static Predicate<JsonNode> type(String type) {
        return f -> f.path("type").asText().equals(type);
    }

    /** The room as this member has it: each message's text (answers with their deltas), by seq. */
    List<String> transcript() {
        java.util.TreeMap<Long, StringBuilder> bySeq = new java.util.TreeMap<>();
        java.util.Map<Long, String> status = new java.util.HashMap<>();
        for (JsonNode f : frames) {
            switch (f.path("type").asText()) {
                case "message" -> {
                    bySeq.put(f.get("seq").asLong(), new StringBuilder(f.get("author").asText() + ": " + f.get("text").asText()));
                    status.put(f.get("seq").asLong(), f.get("status").asText());
                }
                case "delta" -> bySeq.get(f.get("seq").asLong()).append(f.get("text").asText());
                case "end" -> status.put(f.get("seq").asLong(), f.get("status").asText());
                default -> { }
            }
        }
        List<String> out = new ArrayList<>();
        bySeq.forEach((seq, text) -> out.add(seq + " [" + status.get(seq) + "] " + text));
        return out;
    }

    @Override
    public void close() {
        socket.close(1000, "bye");
    }
}
