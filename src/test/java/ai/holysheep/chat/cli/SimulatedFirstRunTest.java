package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** With nothing configured, one-shot answers from the built-in simulator and says so. */
class SimulatedFirstRunTest {
    @Test
    void anUnconfiguredRunAnswersFromTheSimulatorAndSaysItIsSimulated() {
        CliRun.Result r = new CliRun().env("XDG_STATE_HOME", "/nonexistent-holysheep-test/state")
                .run("--no-save", "hello");
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stdout().isBlank());
        assertTrue(r.stderr().contains("SIMULATED, not from a real model"), r.stderr());
        assertTrue(r.stderr().contains("export HOLYSHEEP_API_KEY="), r.stderr());
    }
}
