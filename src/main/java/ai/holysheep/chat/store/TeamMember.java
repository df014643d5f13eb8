package ai.holysheep.chat.store;

import java.time.Instant;

/** A member of a team relay; the member's token is never kept, only its hash. */
public record TeamMember(String name, boolean admin, Instant created) {
}
