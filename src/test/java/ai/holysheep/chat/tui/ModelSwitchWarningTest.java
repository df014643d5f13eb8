package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.SimOptions;
import org.junit.jupiter.api.Test;

/** /model NAME with a name the gateway does not list: switched, with a warning. */
class ModelSwitchWarningTest {
    @Test
    void anUnlistedModelIsTakenWithAWarning() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(120, 30, SimOptions.defaults().unpaced())) {
            rig.send("/model nonexistent-model");
            rig.until("the warning", t -> t.contains("not among the models the gateway lists"));
            assertTrue(rig.statusLine().contains("nonexistent-model"), rig.statusLine());
        }
    }

    @Test
    void aListedModelGetsNoWarning() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(120, 30, SimOptions.defaults().unpaced())) {
            rig.send("/model gemini-2.5-flash");
            rig.send("hi");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            assertFalse(rig.text().contains("not among the models"), rig.text());
        }
    }
}
