package ai.holysheep.chat.store;

import java.time.Instant;

/** A room of a team relay as its file keeps it; {@code lastSeq} is 0 while it has no messages. */
public record StoredRoom(String name, Instant created, long lastSeq) {
}
