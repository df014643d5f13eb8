package ai.holysheep.chat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class NeedsTest {
    @Test
    void aMissingToolFailsTheTestUnderCi() {
        AssertionError e = assertThrows(AssertionError.class, () -> Needs.that(false, "tmux", Map.of("CI", "true")));
        assertEquals("CI needs tmux, which this machine lacks (.ci/run installs it)", e.getMessage());
    }

    @Test
    void aMissingToolSkipsTheTestElsewhere() {
        assertThrows(TestAbortedException.class, () -> Needs.that(false, "tmux", Map.of()));
        assertThrows(TestAbortedException.class, () -> Needs.that(false, "tmux", Map.of("CI", "false")));
    }

    @Test
    void aToolThatIsThereLetsTheTestRun() {
        assertDoesNotThrow(() -> Needs.that(true, "tmux", Map.of("CI", "true")));
    }
}
