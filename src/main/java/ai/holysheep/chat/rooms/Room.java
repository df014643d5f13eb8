package ai.holysheep.chat.rooms;

import java.time.Instant;
import java.util.List;

/**
 * A room on the relay.
 *
 * @param lastSeq the number of its newest message (0 when empty)
 * @param present the members connected now; empty where the relay does not say (in a listing)
 */
public record Room(String name, Instant created, long lastSeq, List<String> present) {
}
