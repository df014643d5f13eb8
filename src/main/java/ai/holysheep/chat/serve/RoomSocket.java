package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One member's connection to one room. Jetty calls it on its own threads; everything it hears
 * goes to the {@link RoomHub}, which decides, and everything it sends is queued in its
 * {@link Outbox} under the room's lock, so every member gets the room's frames in the same order.
 *
 * <p>Public only because Jetty reaches its callbacks through method handles, which need a public
 * class; nothing outside the package can make one.
 */
public final class RoomSocket implements Session.Listener.AutoDemanding {
    private final RoomHub hub;
    private final String room;
    private final String member;
    private final long after;
    private final Outbox outbox;
    private volatile Session session;
    /** Jetty's own session beneath {@link #session}: the one that sends bytes already encoded, shared by every member. */
    private volatile CoreSession core;
    private volatile long lastHeard = System.nanoTime();

    RoomSocket(RoomHub hub, String room, String member, long after) {
        this.hub = hub;
        this.room = room;
        this.member = member;
        this.after = after;
        this.outbox = new Outbox(hub.sending(), new Outbox.Wire() {
            @Override
            public void text(ByteBuffer utf8, Runnable sent) {
                CoreSession c = core;
                if (c != null && c.isOutputOpen()) {
                    c.sendFrame(new Frame(OpCode.TEXT, true, utf8), org.eclipse.jetty.util.Callback.from(sent, failed -> sent.run()),
                            false);
                } else {
                    sent.run();
                }
            }

            @Override
            public void cut() {
                // Off the room's lock, which the frame that overflowed was queued under: Jetty
                // reports the connection gone, and the member leaves the room, from its own thread.
                hub.sending().execute(() -> {
                    Session s = session;
                    if (s != null) {
                        s.disconnect();
                    }
                });
            }

            @Override
            public void close(int code, String reason) {
                Session s = session;
                if (s != null) {
                    s.close(code, reason, Callback.NOOP);
                }
            }
        });
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
        core = ((WebSocketSession) opened).getCoreSession();
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
        send(new Outbox.Text(frame.getBytes(StandardCharsets.UTF_8)));
    }

    /** Queues a frame, encoded once for all the members it goes to. */
    void send(Outbox.Text frame) {
        outbox.add(frame);
    }

    /** Queues a frame of the replay a member gets on joining (not counted as a backlog). */
    void replay(String frame) {
        outbox.add(new Outbox.Text(frame.getBytes(StandardCharsets.UTF_8), false));
    }

    void ping() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendPing(java.nio.ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    /** After whatever is queued: a member told the server is stopping has had everything before. */
    void close(int code, String reason) {
        outbox.add(new Outbox.Close(code, reason));
    }
}
