package ai.holysheep.chat.serve;

import ai.holysheep.chat.store.RoomMessage;
import java.util.Collection;

/** The JSON frames a room's WebSocket carries from the server (docs/rooms.md lists them all). */
final class RoomFrames {
    private RoomFrames() {
    }

    static String message(RoomMessage m) {
        return Frames.json(g -> {
            g.writeStringField("type", "message");
            fields(g, m);
        });
    }

    static void fields(com.fasterxml.jackson.core.JsonGenerator g, RoomMessage m) throws java.io.IOException {
        g.writeNumberField("seq", m.seq());
        if (m.clientId() == null) {
            g.writeNullField("id");
        } else {
            g.writeStringField("id", m.clientId());
        }
        g.writeStringField("author", m.author());
        g.writeStringField("role", m.role());
        g.writeStringField("text", m.text());
        g.writeStringField("status", m.status());
        g.writeStringField("at", m.at().toString());
    }

    static String delta(long seq, String text) {
        return Frames.json(g -> {
            g.writeStringField("type", "delta");
            g.writeNumberField("seq", seq);
            g.writeStringField("text", text);
        });
    }

    static String end(long seq, String status, String error) {
        return Frames.json(g -> {
            g.writeStringField("type", "end");
            g.writeNumberField("seq", seq);
            g.writeStringField("status", status);
            if (error != null) {
                g.writeStringField("error", error);
            }
        });
    }

    static String retry(long seq, int attempt, int max, long delayMillis, String reason) {
        return Frames.json(g -> {
            g.writeStringField("type", "retry");
            g.writeNumberField("seq", seq);
            g.writeNumberField("attempt", attempt);
            g.writeNumberField("max", max);
            g.writeNumberField("delay_ms", delayMillis);
            g.writeStringField("reason", reason);
        });
    }

    static String presence(Collection<String> members) {
        return Frames.json(g -> {
            g.writeStringField("type", "presence");
            g.writeArrayFieldStart("members");
            for (String m : members) {
                g.writeString(m);
            }
            g.writeEndArray();
        });
    }

    /** Sent after the replay: everything before it was history, everything after is live. */
    static String live(long lastSeq) {
        return Frames.json(g -> {
            g.writeStringField("type", "live");
            g.writeNumberField("last_seq", lastSeq);
        });
    }

    static String error(String id, String message) {
        return Frames.json(g -> {
            g.writeStringField("type", "error");
            if (id != null) {
                g.writeStringField("id", id);
            }
            g.writeStringField("message", message);
        });
    }
}
