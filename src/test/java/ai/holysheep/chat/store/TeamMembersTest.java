package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The member lookup of every relayed request, and what it must notice at once. */
class TeamMembersTest {
    @TempDir
    Path dir;

    @Test
    void aMemberRemovedByAnotherProcessIsRefusedAtTheNextLookup() {
        Path file = dir.resolve("relay.db");
        try (TeamStore serving = TeamStore.open(file, Clock.systemUTC());
             TeamStore command = TeamStore.open(file, Clock.systemUTC())) {
            assertTrue(command.addMember("민지", "hash-a", false));
            TeamMember found = serving.memberWithTokenHash("hash-a").orElseThrow();
            assertEquals("민지", found.name());
            // While the file is unchanged, the lookup of every request is answered without reading it.
            assertSame(found, serving.memberWithTokenHash("hash-a").orElseThrow(), "found again, as it was read");

            assertTrue(command.removeMember("민지"));
            assertEquals(Optional.empty(), serving.memberWithTokenHash("hash-a"));

            assertTrue(command.addMember("민지", "hash-b", true));
            assertEquals(Optional.empty(), serving.memberWithTokenHash("hash-a"), "the old token stays refused");
            assertTrue(serving.memberWithTokenHash("hash-b").orElseThrow().admin());
        }
    }

    @Test
    void aMemberRemovedThroughTheSameStoreIsRefusedAtOnce() {
        try (TeamStore store = TeamStore.open(dir.resolve("relay.db"), Clock.systemUTC())) {
            store.addMember("alice", "hash-a", false);
            assertTrue(store.memberWithTokenHash("hash-a").isPresent());
            store.removeMember("alice");
            assertEquals(Optional.empty(), store.memberWithTokenHash("hash-a"));
            store.addMember("alice", "hash-c", false);
            assertTrue(store.memberWithTokenHash("hash-c").isPresent());
        }
    }
}
