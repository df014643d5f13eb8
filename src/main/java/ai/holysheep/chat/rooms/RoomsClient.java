package ai.holysheep.chat.rooms;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.config.ServerSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A member's side of the relay's rooms: the REST routes, and the WebSocket request a
 * {@link RoomConnection} opens. Every failure is a {@link RoomsException} with a line to show.
 */
public final class RoomsClient implements AutoCloseable {
    /** The relay's rule for names, checked here too so a bad one never costs a round trip. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
    /** A page of messages, the most the relay gives at once. */
    private static final int PAGE = 1000;
    /**
     * A ping this often: a link that died without a word (a laptop lid, a NAT timeout) fails
     * when its pong does not come back, instead of looking connected forever.
     */
    static final Duration PING = Duration.ofSeconds(15);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final HttpUrl root;
    private final String shownUrl;
    private final String token;

    public RoomsClient(ServerSettings server, Duration connectTimeout) {
        HttpUrl parsed = HttpUrl.parse(server.url());
        if (parsed == null) {
            throw new RoomsException(RoomsException.Kind.REJECTED, "'" + server.url() + "' is not an http(s) URL");
        }
        this.root = parsed;
        this.shownUrl = server.url();
        this.token = server.token().reveal();
        this.http = GatewayClient.httpClient(connectTimeout, connectTimeout).pingInterval(PING).build();
    }

    public static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new RoomsException(RoomsException.Kind.REJECTED, "'" + name + "' is not a room name: 1 to 40"
                    + " characters from a-z, 0-9 and -");
        }
    }

    public String url() {
        return shownUrl;
    }

    public List<Room> rooms() {
        JsonNode body = call(get(url("api", "rooms")), null);
        List<Room> out = new ArrayList<>();
        for (JsonNode r : body.path("data")) {
            out.add(room(r));
        }
        return out;
    }

    public Room create(String name) {
        checkName(name);
        String body = Json.MAPPER.createObjectNode().put("name", name).toString();
        return room(call(request(url("api", "rooms")).post(RequestBody.create(body, JSON)).build(), name));
    }

    public Room room(String name) {
        checkName(name);
        return room(call(get(url("api", "rooms", name)), name));
    }

    /** Every message after {@code after}, in order, page by page. */
    public List<Message> messages(String name, long after) {
        checkName(name);
        List<Message> out = new ArrayList<>();
        long from = after;
        while (true) {
            HttpUrl url = url("api", "rooms", name, "messages").newBuilder()
                    .addQueryParameter("after", Long.toString(from))
                    .addQueryParameter("limit", Integer.toString(PAGE)).build();
            JsonNode page = call(get(url), name).path("data");
            for (JsonNode m : page) {
                out.add(Message.of(m));
            }
            if (page.size() < PAGE) {
                return out;
            }
            from = out.get(out.size() - 1).seq();
        }
    }

    /** The models the relay offers ({@code GET /v1/models}): the ones a room's {@code @ai} may be given. */
    public List<String> models() {
        List<String> out = new ArrayList<>();
        for (JsonNode m : call(get(url("v1", "models")), null).path("data")) {
            out.add(m.path("id").asText());
        }
        return List.copyOf(out);
    }

    /** Opens {@code /ws/rooms/NAME?after=SEQ}; the listener hears everything, refusal included. */
    WebSocket open(String name, long after, WebSocketListener listener) {
        HttpUrl url = url("ws", "rooms", name).newBuilder().addQueryParameter("after", Long.toString(after)).build();
        return http.newWebSocket(request(url).build(), listener);
    }

    /** What a refused upgrade or failed link means, in the words the REST routes use. */
    RoomsException refusal(String name, Response response, Throwable failure) {
        if (response != null) {
            return status(response.code(), name, response.message());
        }
        return unreachable(failure);
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = root.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private Request get(HttpUrl url) {
        return request(url).get().build();
    }

    private Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + token);
    }

    /** @param name the room the request is about, or null */
    private JsonNode call(Request request, String name) {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw status(response.code(), name, errorMessage(body));
            }
            try {
                JsonNode json = Json.MAPPER.readTree(body);
                if (json == null || !json.isObject()) {
                    throw new IOException("not a JSON object");
                }
                return json;
            } catch (IOException e) {
                throw new RoomsException(RoomsException.Kind.UNAVAILABLE, shownUrl + " answered with something other"
                        + " than a relay's JSON: is it `holysheep-chat serve`?");
            }
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private RoomsException status(int code, String name, String detail) {
        return switch (code) {
            case 401 -> new RoomsException(RoomsException.Kind.AUTH, "the relay at " + shownUrl + " refused the member"
                    + " token (401); its owner makes one with `holysheep-chat serve members add NAME`");
            case 404 -> name == null
                    ? new RoomsException(RoomsException.Kind.UNAVAILABLE, shownUrl + " has no rooms (404): is it"
                            + " `holysheep-chat serve`, and a version with rooms?")
                    : new RoomsException(RoomsException.Kind.NOT_FOUND, "no room '" + name + "' on the relay"
                            + " (`holysheep-chat rooms` lists them, `rooms create " + name + "` makes it)");
            case 409 -> new RoomsException(RoomsException.Kind.REJECTED, "room '" + name + "' already exists");
            default -> code >= 400 && code < 500
                    ? new RoomsException(RoomsException.Kind.REJECTED, "the relay refused: " + detail + " (" + code + ")")
                    : new RoomsException(RoomsException.Kind.UNAVAILABLE, "the relay failed: " + detail + " (" + code + ")");
        };
    }

    private RoomsException unreachable(Throwable e) {
        return new RoomsException(RoomsException.Kind.UNAVAILABLE, "cannot reach the relay at " + shownUrl + ": "
                + reason(e));
    }

    /** A network failure in a few words. */
    static String reason(Throwable e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof InterruptedIOException) {
            return "timed out";
        }
        if (e == null) {
            return "the connection failed";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String errorMessage(String body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            String message = json == null ? null : json.path("error").path("message").asText(null);
            if (message != null) {
                return message;
            }
        } catch (IOException e) {
            // Not the relay's JSON: say what came back, cut short.
        }
        String plain = body.strip();
        return plain.length() > 200 ? plain.substring(0, 200) + "…" : plain;
    }

    private static Room room(JsonNode r) {
        List<String> present = new ArrayList<>();
        r.path("present").forEach(m -> present.add(m.asText()));
        return new Room(r.path("name").asText(), Message.instant(r.path("created").asText(null)),
                r.path("last_seq").asLong(), List.copyOf(present));
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
