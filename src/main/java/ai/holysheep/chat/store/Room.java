package ai.holysheep.chat.store;

import java.time.Instant;

/** A room of a team relay; {@code lastSeq} is 0 while it has no messages. */
public record Room(String name, Instant created, long lastSeq) {
}
