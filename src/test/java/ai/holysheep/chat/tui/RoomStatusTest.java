package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.rooms.RoomConnection;
import ai.holysheep.chat.rooms.RoomFrame;
import ai.holysheep.chat.rooms.RoomsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The room's status line: the link in its three words, and the relay's retry of an answer. */
class RoomStatusTest {
    private final RoomStatus status = new RoomStatus("team");

    @Test
    void theLinkIsConnectedReconnectingWithItsCountdownOrOfflineWithWhatWaits() {
        assertEquals(" team │ connecting… ", status.text(0, 0));
        status.link(new RoomConnection.State.Connected(0), 0);
        assertEquals(" team │ connected ", status.text(0, 0));
        status.link(new RoomConnection.State.Reconnecting(2, 8, Duration.ofMillis(1300), "closed"), 1_000);
        assertEquals(" team │ reconnecting 2/8 in 1.3s ", status.text(1_000, 0));
        assertEquals(" team │ offline · 2 waiting · reconnecting 2/8 in 0.3s ", status.text(2_000, 2));
        assertEquals(" team │ offline · 2 waiting · reconnecting 2/8… ", status.text(2_400, 2));
        status.link(new RoomConnection.State.Closed(RoomsException.Kind.UNAVAILABLE, "gave up after 8 attempts"), 3_000);
        assertEquals(" team │ offline · 1 not posted · gave up after 8 attempts ", status.text(3_000, 1));
        assertEquals(" team │ offline · gave up after 8 attempts ", status.text(3_000, 0));
    }

    @Test
    void theRelaysRetryOfAnAnswerShowsUntilTheAnswerGoesOn() {
        status.link(new RoomConnection.State.Connected(0), 0);
        status.retry(new RoomFrame.Retry(7, 1, 5, Duration.ofMillis(800), "the gateway dropped the stream"), 10_000);
        assertTrue(status.text(10_200, 0).endsWith(" answer retry 1/5 in 0.6s · the gateway dropped the stream "),
                status.text(10_200, 0));
        status.answerMoved(6);
        assertTrue(status.text(10_300, 0).contains("answer retry 1/5"), "another answer's progress leaves it");
        status.answerMoved(7);
        assertFalse(status.text(10_400, 0).contains("retry"), status.text(10_400, 0));
    }
}
