package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ctrl+C never throws a draft away: it clears the input (Ctrl+Z, Up bring it back) and quits only when idle and empty. */
class CtrlCTest {

    @Test
    void ctrlCOnADraftClearsItAndCtrlZOrUpBringsItBack() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.type("a long draft");
            rig.ctrl('c');
            assertTrue(rig.ui.step(Duration.ZERO), "Ctrl+C on a draft quit");
            assertEquals("", rig.ui.input.text());

            rig.ctrl('z');
            rig.step();
            assertEquals("a long draft", rig.ui.input.text());

            rig.ctrl('c');
            rig.press(KeyType.ArrowUp);
            rig.step();
            assertEquals("a long draft", rig.ui.input.text());
        }
    }

    @Test
    void ctrlCOnAnEmptyIdleInputQuits() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.ctrl('c');
            assertFalse(rig.ui.step(Duration.ZERO));
        }
    }

    @Test
    void aSecondCtrlCWhileStoppingAnAnswerDoesNotQuit() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.send("hello");
            assertTrue(rig.session.turnInProgress());
            rig.ctrl('c');
            rig.ctrl('c');
            assertTrue(rig.ui.step(Duration.ZERO), "the second Ctrl+C quit");
            assertFalse(rig.ui.turnRunning());
        }
    }
}
