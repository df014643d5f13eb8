package ai.holysheep.chat.store;

import java.time.Instant;

/**
 * One message of a room.
 *
 * @param seq      its place in the room, from 1, never reused: the room's only order
 * @param clientId the id the sending client gave it (so a resend is not posted twice); null
 *                 for the model's answers
 * @param author   the member who sent it (from the member's token, never from the message), or
 *                 the model that answered
 * @param role     {@code member} or {@code model}
 * @param status   {@code complete}, {@code streaming}, {@code cancelled} or {@code failed}
 */
public record RoomMessage(String room, long seq, String clientId, String author, String role, String text,
                          String status, Instant at) {
    public static final String MEMBER = "member";
    public static final String MODEL = "model";
    public static final String COMPLETE = "complete";
    public static final String STREAMING = "streaming";
    public static final String FAILED = "failed";

    public RoomMessage withText(String newText, String newStatus) {
        return new RoomMessage(room, seq, clientId, author, role, newText, newStatus, at);
    }
}
