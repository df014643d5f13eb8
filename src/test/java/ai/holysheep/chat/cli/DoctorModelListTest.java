package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import org.junit.jupiter.api.Test;

/** {@code doctor} says when the default model is one the gateway does not list, without failing for it. */
class DoctorModelListTest {
    @Test
    void anUnlistedDefaultModelIsAWarningWithAFix() throws Exception {
        try (SimGateway gateway = SimGateway.start(SimOptions.defaults().unpaced())) {
            CliRun.Result r = new CliRun().env("HOLYSHEEP_BASE_URL", gateway.baseUrl()).env("LANG", "C.UTF-8")
                    .env("HOLYSHEEP_MODEL", "no-such-model").run("doctor");
            assertTrue(r.stdout().contains("! the default model 'no-such-model' is not among the models the gateway lists\n"
                    + "    fix: choose one of `holysheep-chat models`"), r.stdout());
        }
    }

    @Test
    void aListedDefaultModelGetsNoWarning() throws Exception {
        try (SimGateway gateway = SimGateway.start(SimOptions.defaults().unpaced())) {
            CliRun.Result r = new CliRun().env("HOLYSHEEP_BASE_URL", gateway.baseUrl()).env("LANG", "C.UTF-8")
                    .env("HOLYSHEEP_MODEL", SimGateway.SIM_MODEL).run("doctor");
            assertEquals(0, r.exitCode(), r.all());
            assertFalse(r.stdout().contains("!"), r.stdout());
        }
    }
}
