package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.ModelInfo;
import ai.holysheep.chat.sim.SimOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** In the chat, a conversation that outgrows the model's window says so, and a question too long alone stays the draft. */
class ContextWindowNoteTest {
    @Test
    void oldestTurnsLeaveWithANoteAndATooLongQuestionStaysTheDraft() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced().withAnswerTokens(5))) {
            // As a gateway's /models would state it: room for 2,250 tokens once the reply's 750 are kept.
            rig.session.windowsFrom(() -> List.of(new ModelInfo("gpt-4.1", OptionalLong.of(3_000))));
            rig.send("a".repeat(2_100 * 4));
            rig.until("the first answer", t -> rig.statusLine().contains("ready · done"));
            rig.send("b".repeat(2_100 * 4));
            rig.until("the second answer", t -> rig.gateway.requests().size() == 2 && rig.statusLine().contains("ready · done"));
            rig.untilShows("1 earlier turn left out to fit gpt-4.1's context window.");
            JsonNode sent = rig.gateway.requests().get(1).json().get("messages");
            assertEquals(1, sent.size(), sent.toString());
            assertTrue(sent.get(0).get("content").asText().startsWith("b"));

            rig.send("c".repeat(2_300 * 4));
            rig.untilShows("the message is about 2,300 tokens");
            assertEquals(2, rig.gateway.requests().size(), "nothing more is sent");
            String draft = rig.ui.input.text();
            assertTrue(draft.equals("c".repeat(2_300 * 4)), "the question is back as the draft; it is " + draft.length() + " characters");
        }
    }
}
