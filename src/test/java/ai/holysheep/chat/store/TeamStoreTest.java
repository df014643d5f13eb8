package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's own file, read back through the store alone: members, accounting, rooms. */
class TeamStoreTest {
    static final Instant START = Instant.parse("2026-11-30T23:00:00Z");

    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock(START);
    TeamStore store;

    @BeforeEach
    void open() {
        store = TeamStore.open(dir.resolve("serve.db"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFileAndItsDirectoryArePrivate() throws Exception {
        Path file = dir.resolve("relay/serve.db");
        try (TeamStore made = TeamStore.open(file, clock)) {
            made.addMember("alice", "h1", false);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
            for (Path each : List.of(file, Path.of(file + "-wal"), Path.of(file + "-shm"))) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(each)), each.toString());
            }
        }
    }

    @Test
    void membersAreAddedOnceByNameListedByNameAndRemoved() {
        assertTrue(store.addMember("지우", "h1", true));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(store.addMember("alice", "h2", false));
        assertFalse(store.addMember("alice", "h3", true), "a name is taken once");

        assertEquals(List.of(new TeamMember("alice", false, START.plusSeconds(60)), new TeamMember("지우", true, START)),
                store.members());
        assertEquals(Optional.empty(), store.memberWithTokenHash("h3"), "the refused token was not saved");

        assertTrue(store.removeMember("alice"));
        assertFalse(store.removeMember("alice"), "no such member any more");
        assertEquals(List.of("지우"), store.members().stream().map(TeamMember::name).toList());
    }

    @Test
    void usageAddsUpPerMemberPerModelAndPerDaySinceAGivenTime() {
        store.record(request("alice", "gpt-4.1", START, "done", 10, 20, 0, 0.5, 0));
        store.record(request("alice", "deepseek-v3.2", START.plus(Duration.ofHours(2)), "gave_up", 5, 1, 7, 0.25, 2));
        store.record(request("bob", "gpt-4.1", START.plus(Duration.ofHours(3)), "left", 1, 2, 0, 1.0, 0));
        store.record(request("bob", "gpt-4.1", START.minus(Duration.ofDays(30)), "done", 100, 100, 0, 9.0, 0));
        Instant since = START.minus(Duration.ofDays(1));

        assertEquals(List.of(new UsageTotal("bob", 1, 1, 2, 0, 1.0, 0, 0), new UsageTotal("alice", 2, 15, 21, 7, 0.75, 2, 1)),
                store.usage(since, TeamStore.Grouping.MEMBER, null), "largest cost first; 'left' is no failure");
        assertEquals(List.of(new UsageTotal("gpt-4.1", 2, 11, 22, 0, 1.5, 0, 0),
                        new UsageTotal("deepseek-v3.2", 1, 5, 1, 7, 0.25, 2, 1)),
                store.usage(since, TeamStore.Grouping.MODEL, null));
        assertEquals(List.of(new UsageTotal("2026-11-30", 1, 10, 20, 0, 0.5, 0, 0),
                        new UsageTotal("2026-12-01", 2, 6, 3, 7, 1.25, 2, 1)),
                store.usage(since, TeamStore.Grouping.DAY, null), "days in order, by UTC date");
        assertEquals(List.of(new UsageTotal("gpt-4.1", 1, 10, 20, 0, 0.5, 0, 0),
                        new UsageTotal("deepseek-v3.2", 1, 5, 1, 7, 0.25, 2, 1)),
                store.usage(since, TeamStore.Grouping.MODEL, "alice"), "one member's own");
        assertEquals(4, store.usage(Instant.EPOCH, TeamStore.Grouping.MEMBER, null).stream()
                .mapToLong(UsageTotal::requests).sum(), "since the epoch: all four requests");
    }

    private static RelayedRequest request(String member, String model, Instant at, String outcome, long in, long out,
                                          long wasted, double cost, int resumes) {
        return new RelayedRequest(member, model, at, 200, outcome, in, out, wasted, cost, 1234, 1, resumes);
    }

    @Test
    void roomsAreCreatedOnceAndKnowTheirLastSequenceNumber() {
        assertTrue(store.createRoom("team"));
        clock.advance(Duration.ofSeconds(5));
        assertTrue(store.createRoom("alpha"));
        assertFalse(store.createRoom("team"), "a name is taken once");
        store.postAll("team", List.of(post("a", "hi"), post("b", "there")));

        assertEquals(List.of(new StoredRoom("alpha", START.plusSeconds(5), 0), new StoredRoom("team", START, 2)),
                store.rooms());
        assertEquals(Optional.of(new StoredRoom("team", START, 2)), store.room("team"));
        assertEquals(Optional.empty(), store.room("nope"));
    }

    @Test
    void aBurstsClientIdsAreLookedUpTogetherHoweverManyThereAre() {
        store.createRoom("team");
        store.createRoom("other");
        List<RoomPost> posts = new java.util.ArrayList<>();
        List<String> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            posts.add(post("id-" + i, "말 " + i));
            asked.add("id-" + i);
        }
        List<RoomMessage> posted = store.postAll("team", posts);
        store.post("other", "elsewhere", "bob", RoomMessage.MEMBER, "not this room", RoomMessage.COMPLETE);
        asked.add("elsewhere");
        asked.add("never-sent");

        Map<String, RoomMessage> found = store.messagesWithClientIds("team", asked);
        assertEquals(1001, found.size(), "every id of the room, across the reads of 500, and no other");
        for (RoomMessage m : posted) {
            assertEquals(m, found.get(m.clientId()));
        }
        assertEquals(Map.of(), store.messagesWithClientIds("team", List.of()));
    }

    @Test
    void messagesAreNumberedInOrderAndReadAfterASequenceNumberOrFromTheEnd() {
        store.createRoom("team");
        store.createRoom("other");
        List<RoomMessage> first = store.postAll("team", List.of(post("a", "하나"), post("b", "둘")));
        clock.advance(Duration.ofSeconds(1));
        RoomMessage third = store.post("team", null, "gpt-4.1", RoomMessage.MODEL, "", RoomMessage.STREAMING);
        store.post("other", "a", "bob", RoomMessage.MEMBER, "elsewhere", RoomMessage.COMPLETE);

        assertEquals(List.of(1L, 2L), first.stream().map(RoomMessage::seq).toList());
        assertEquals(new RoomMessage("team", 3, null, "gpt-4.1", RoomMessage.MODEL, "", RoomMessage.STREAMING,
                START.plusSeconds(1)), third);
        assertEquals(1, store.messages("other", 0, 10).get(0).seq(), "each room counts from 1");

        assertEquals(List.of("둘", ""), texts(store.messages("team", 1, 10)));
        assertEquals(List.of("하나"), texts(store.messages("team", 0, 1)), "at most the limit, oldest first");
        assertEquals(List.of("둘", ""), texts(store.recent("team", 2)), "the last two, oldest first");
        assertEquals(List.of("하나", "둘", ""), texts(store.recent("team", 10)));

        assertEquals(Map.of("b", first.get(1)), store.messagesWithClientIds("team", List.of("b", "zz")));
        assertEquals(Optional.empty(), store.messageWithClientId("team", "zz"));
        assertEquals(Optional.of(first.get(0)), store.messageWithClientId("team", "a"));
    }

    @Test
    void aStreamingAnswerIsSavedAsItGrowsAndMarkedFailedWhenTheServerStoppedMidWay() {
        store.createRoom("team");
        RoomMessage answer = store.post("team", null, "gpt-4.1", RoomMessage.MODEL, "", RoomMessage.STREAMING);
        RoomMessage ended = store.post("team", null, "gpt-4.1", RoomMessage.MODEL, "", RoomMessage.STREAMING);
        store.update(answer.withText("반쯤 쓴", RoomMessage.STREAMING));
        store.update(ended.withText("whole", RoomMessage.COMPLETE));

        assertEquals(1, store.interruptStreaming());
        assertEquals(0, store.interruptStreaming(), "nothing is left streaming");
        List<RoomMessage> saved = store.messages("team", 0, 10);
        assertEquals(List.of("반쯤 쓴", "whole"), texts(saved));
        assertEquals(List.of(RoomMessage.FAILED, RoomMessage.COMPLETE), saved.stream().map(RoomMessage::status).toList());
    }

    private static RoomPost post(String id, String text) {
        return new RoomPost(id, "alice", RoomMessage.MEMBER, text, RoomMessage.COMPLETE);
    }

    private static List<String> texts(List<RoomMessage> messages) {
        return messages.stream().map(RoomMessage::text).toList();
    }
}
