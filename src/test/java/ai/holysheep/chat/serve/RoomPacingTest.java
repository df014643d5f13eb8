package ai.holysheep.chat.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoomPacingTest {
    @Test
    void aSmallRoomGetsAnAnswerFiftyTimesASecond() {
        assertEquals(Duration.ofMillis(20), RoomAnswers.deltaEvery(0));
        assertEquals(Duration.ofMillis(20), RoomAnswers.deltaEvery(2));
        assertEquals(Duration.ofMillis(20), RoomAnswers.deltaEvery(40));
    }

    @Test
    void aLargerRoomGetsItLessOftenInProportionUpToTenTimesASecond() {
        assertEquals(Duration.ofMillis(20).plusNanos(500_000), RoomAnswers.deltaEvery(41));
        assertEquals(Duration.ofMillis(50), RoomAnswers.deltaEvery(100));
        assertEquals(Duration.ofMillis(100), RoomAnswers.deltaEvery(200));
        assertEquals(Duration.ofMillis(100), RoomAnswers.deltaEvery(201));
        assertEquals(Duration.ofMillis(100), RoomAnswers.deltaEvery(100_000));
    }
}
