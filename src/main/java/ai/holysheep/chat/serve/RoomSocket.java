package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One member's connection to one room. Jetty calls it on its own threads; everything it hears
 * goes to the {@link RoomHub}, which decides, and everything it sends is sent under the room's
 * lock, so every member gets the room's frames in the same order.
 *
 * <p>Public only because Jetty reaches its callbacks through method handles, which need a public
 * class; nothing outside the package can make one.
 */
public final class RoomSocket implements Session.Listener.AutoDemanding {
    private final RoomHub hub;
    private final String room;
    private final String member;
    private final long after;
    private volatile Session session;
    private volatile long lastHeard = System.nanoTime();

    RoomSocket(RoomHub hub, String room, String member, long after) {
        this.hub = hub;
        this.room = room;
        this.member = member;
        this.after = after;
    }

    String room() {
        return room;
    }

    String member() {
        return member;
    }

    /** When the client last sent anything, a pong included: a connection is judged by activity. */
    long lastHeard() {
        return lastHeard;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        hub.join(this, after);
    }

    @Override
    public void onWebSocketText(String text) {
        lastHeard = System.nanoTime();
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            send(RoomFrames.error(null, "a frame must be a JSON object"));
            return;
        }
        String type = frame.path("type").asText("");
        if (!type.equals("say")) {
            send(RoomFrames.error(null, "unknown frame type '" + type + "' (a client sends only \"say\")"));
            return;
        }
        JsonNode id = frame.get("id");
        JsonNode body = frame.get("text");
        if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > 100) {
            send(RoomFrames.error(null, "a message needs an \"id\" of its own (a string of up to 100 characters)"));
            return;
        }
        if (body == null || !body.isTextual() || body.asText().isBlank()) {
            send(RoomFrames.error(id.asText(), "a message needs a non-empty \"text\""));
            return;
        }
        JsonNode model = frame.get("model");
        if (model != null && !model.isNull() && (!model.isTextual() || model.asText().isBlank())) {
            send(RoomFrames.error(id.asText(), "a message's \"model\" is a model's name (a non-empty string)"));
            return;
        }
        try {
            hub.say(this, id.asText(), body.asText(), model == null || model.isNull() ? null : model.asText());
        } catch (RuntimeException e) {
            // Left to Jetty, this would close the connection, and the client, resending what was
            // never confirmed, would break it again for ever. Refused, the message stays the sender's.
            send(RoomFrames.error(id.asText(), "the relay could not post this message (" + e.getMessage()
                    + "); nothing was posted, try again later"));
        }
    }

    @Override
    public void onWebSocketPong(java.nio.ByteBuffer payload) {
        lastHeard = System.nanoTime();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        hub.leave(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        hub.leave(this);
    }

    void send(String frame) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendText(frame, Callback.NOOP);
        }
    }

    void ping() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendPing(java.nio.ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    void close(int code, String reason) {
        Session s = session;
        if (s != null) {
            s.close(code, reason, Callback.NOOP);
        }
    }
}
