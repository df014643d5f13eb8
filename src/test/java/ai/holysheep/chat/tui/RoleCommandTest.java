package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.SimOptions;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code /role NAME} in the full-screen chat: the role's prompt and temperature from the next request on. */
class RoleCommandTest {

    private static JsonNode lastRequest(ScreenRig rig) {
        return rig.gateway.requests().get(rig.gateway.requests().size() - 1).json();
    }

    @Test
    void slashRoleSetsTheSystemPromptAndTemperatureOfTheNextRequest() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced())) {
            rig.send("/role shell");
            assertTrue(rig.text().contains("Role shell from the next request on."), rig.text());

            rig.send("find big files");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            JsonNode sent = lastRequest(rig);
            assertEquals("system", sent.path("messages").get(0).path("role").asText());
            assertTrue(sent.path("messages").get(0).path("content").asText().startsWith("Answer with exactly one shell command"));
            assertEquals(0.0, sent.path("temperature").asDouble());

            // A role without a temperature of its own goes back to the configured one (none here).
            rig.send("/role explain");
            rig.send("what does that do");
            rig.until("the second answer", t -> rig.gateway.requests().size() == 2 && rig.statusLine().contains("ready · done"));
            JsonNode second = lastRequest(rig);
            assertTrue(second.path("messages").get(0).path("content").asText().startsWith("Explain what the user gives you"));
            assertFalse(second.has("temperature"), second.toString());
        }
    }

    @Test
    void slashRoleAloneListsTheRolesAndAnUnknownOneIsAWarning() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(120, 30, SimOptions.defaults().unpaced())) {
            rig.send("/role");
            assertTrue(rig.text().contains("Roles: shell, code, explain."), rig.text());
            rig.send("/role nope");
            assertTrue(rig.text().contains("No role nope; known: shell, code, explain."), rig.text());
            rig.send("hi");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            assertEquals("user", lastRequest(rig).path("messages").get(0).path("role").asText());
        }
    }
}
