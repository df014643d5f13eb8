package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomPostsTest {
    @TempDir
    Path dir;

    private TeamStore open() {
        return TeamStore.open(dir.resolve("team.db"), Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aBatchIsNumberedInItsOrderAfterWhatTheRoomHas() {
        try (TeamStore store = open()) {
            store.createRoom("team");
            store.post("team", "a1", "alice", RoomMessage.MEMBER, "first", RoomMessage.COMPLETE);
            List<RoomMessage> posted = store.postAll("team", List.of(
                    new RoomPost("b1", "bob", RoomMessage.MEMBER, "@ai hi", RoomMessage.COMPLETE),
                    new RoomPost(null, "gpt-4.1", RoomMessage.MODEL, "", RoomMessage.STREAMING),
                    new RoomPost("a2", "alice", RoomMessage.MEMBER, "third", RoomMessage.COMPLETE)));
            assertEquals(List.of(2L, 3L, 4L), posted.stream().map(RoomMessage::seq).toList());
            assertEquals(posted, store.messages("team", 1, 10), "what it returns is what was saved");
            assertEquals(List.of(), store.postAll("team", List.of()));
        }
    }

    @Test
    void aBatchWithAClientIdTheRoomHasSavesNothing() {
        try (TeamStore store = open()) {
            store.createRoom("team");
            store.post("team", "a1", "alice", RoomMessage.MEMBER, "first", RoomMessage.COMPLETE);
            assertThrows(StoreException.class, () -> store.postAll("team", List.of(
                    new RoomPost("a2", "alice", RoomMessage.MEMBER, "second", RoomMessage.COMPLETE),
                    new RoomPost("a1", "alice", RoomMessage.MEMBER, "again", RoomMessage.COMPLETE))));
            assertEquals(1, store.messages("team", 0, 10).size(), "one transaction: all or nothing");
        }
    }

    @Test
    void clientIdsAreLookedUpTogether() {
        try (TeamStore store = open()) {
            store.createRoom("team");
            store.createRoom("other");
            RoomMessage a1 = store.post("team", "a1", "alice", RoomMessage.MEMBER, "first", RoomMessage.COMPLETE);
            store.post("other", "b1", "bob", RoomMessage.MEMBER, "elsewhere", RoomMessage.COMPLETE);
            Map<String, RoomMessage> found = store.messagesWithClientIds("team", List.of("a1", "b1", "zz"));
            assertEquals(Map.of("a1", a1), found, "only this room's, only those it has");
            assertEquals(a1, store.messageWithClientId("team", "a1").orElseThrow());
        }
    }
}
