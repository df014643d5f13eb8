package ai.holysheep.chat.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One message of a room, as the relay numbered it.
 *
 * @param seq    the room's order: the only one every member agrees on
 * @param id     the sending client's own id, null for the model's answers
 * @param author the member whose token sent it, or the model that answered
 * @param role   {@link #MEMBER} or {@link #MODEL}
 * @param status {@link #COMPLETE}, {@link #STREAMING}, {@link #CANCELLED} or {@link #FAILED}
 */
public record Message(long seq, String id, String author, String role, String text, String status, Instant at) {
    public static final String MEMBER = "member";
    public static final String MODEL = "model";
    public static final String COMPLETE = "complete";
    public static final String STREAMING = "streaming";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";

    public boolean fromModel() {
        return MODEL.equals(role);
    }

    /** Whether its text can still grow: a streaming answer is left out of a reconnect's {@code after}. */
    public boolean isFinal() {
        return !STREAMING.equals(status);
    }

    static Message of(JsonNode n) {
        JsonNode id = n.get("id");
        return new Message(n.path("seq").asLong(), id == null || id.isNull() ? null : id.asText(),
                n.path("author").asText(""), n.path("role").asText(MEMBER), n.path("text").asText(""),
                n.path("status").asText(COMPLETE), instant(n.path("at").asText(null)));
    }

    static Instant instant(String text) {
        try {
            return text == null ? Instant.EPOCH : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
