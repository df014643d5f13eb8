package ai.holysheep.chat.store;

/** A message to append to a room ({@link TeamStore#postAll}), before it has its sequence number. */
public record RoomPost(String clientId, String author, String role, String text, String status) {
}
