package ai.holysheep.chat.rooms;

import ai.holysheep.chat.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the relay sends over a room's WebSocket: frames, each a JSON object, one or several to a
 * WebSocket message, one per line (docs/rooms.md).
 */
public sealed interface RoomFrame {

    /** A new message, or one replayed; a replayed one replaces what the client had for its seq. */
    record Posted(Message message) implements RoomFrame {
    }

    /** The replay is over: what follows is live. */
    record Live(long lastSeq) implements RoomFrame {
    }

    /** More of answer {@code seq}'s text, to append. */
    record Delta(long seq, String text) implements RoomFrame {
    }

    /** The gateway failed and answer {@code seq} is being retried by the relay. */
    record Retry(long seq, int attempt, int max, Duration delay, String reason) implements RoomFrame {
    }

    /** Answer {@code seq} is over; {@code error} is null when it is complete. */
    record End(long seq, String status, String error) implements RoomFrame {
    }

    /** Who is connected now, sorted. */
    record Presence(List<String> members) implements RoomFrame {
    }

    /** A message was refused and nothing was posted; {@code id} is null when it names none. */
    record Refused(String id, String message) implements RoomFrame {
    }

    /**
     * The frames in one WebSocket message, in order, leaving out kinds this client does not know
     * (a newer relay's).
     *
     * @throws IOException when any of it is not a JSON object: the message is not the relay's
     */
    static List<RoomFrame> parse(String text) throws IOException {
        List<RoomFrame> frames = new ArrayList<>();
        try (MappingIterator<JsonNode> values = Json.MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (values.hasNextValue()) {
                frame(values.nextValue()).ifPresent(frames::add);
            }
        }
        return frames;
    }

    private static Optional<RoomFrame> frame(JsonNode f) throws IOException {
        if (f == null || !f.isObject()) {
            throw new IOException("a frame that is not a JSON object");
        }
        RoomFrame frame = switch (f.path("type").asText("")) {
            case "message" -> new Posted(Message.of(f));
            case "live" -> new Live(f.path("last_seq").asLong());
            case "delta" -> new Delta(f.path("seq").asLong(), f.path("text").asText(""));
            case "retry" -> new Retry(f.path("seq").asLong(), f.path("attempt").asInt(), f.path("max").asInt(),
                    Duration.ofMillis(f.path("delay_ms").asLong()), f.path("reason").asText(""));
            case "end" -> new End(f.path("seq").asLong(), f.path("status").asText(Message.COMPLETE),
                    f.hasNonNull("error") ? f.get("error").asText() : null);
            case "presence" -> {
                List<String> members = new ArrayList<>();
                f.path("members").forEach(m -> members.add(m.asText()));
                yield new Presence(List.copyOf(members));
            }
            case "error" -> new Refused(f.hasNonNull("id") ? f.get("id").asText() : null, f.path("message").asText(""));
            default -> null;
        };
        return Optional.ofNullable(frame);
    }
}
