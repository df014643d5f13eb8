package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys decoded from the bytes a terminal in raw mode (-icrnl) sends, as the chat's terminal decodes them. */
class RawInputTest {

    @Test
    void enterSendsWhileAltEnterAndCtrlJInsertANewline() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.type("one");
            decode("\u001b\r").forEach(rig::press); // Alt+Enter
            rig.type("two");
            decode("\n").forEach(rig::press);       // Ctrl+J
            rig.type("three");
            rig.step();
            assertEquals("one\ntwo\nthree", rig.ui.input.text());
            assertFalse(rig.session.turnInProgress());

            decode("\r").forEach(rig::press);       // Enter
            rig.step();
            assertTrue(rig.session.turnInProgress());
        }
    }

    @Test
    void theTerminalIsTakenOutOfCrToLfAndFlowControl() {
        assertEquals(List.of("-icrnl", "-ixon", "susp", "undef"), RawInput.STTY);
    }

    /** The keystrokes for these bytes, with the profiles in the order ChatTerminal adds them. */
    private static List<KeyStroke> decode(String bytes) throws Exception {
        InputDecoder decoder = new InputDecoder(new StringReader(bytes));
        decoder.addProfile(new DefaultKeyDecodingProfile());
        decoder.addProfile(BracketedPaste.profile());
        decoder.addProfile(RawInput.profile());
        KeyStroke key = decoder.getNextCharacter(true);
        assertTrue(key != null, "nothing decoded from " + bytes.chars().boxed().toList());
        return List.of(key);
    }
}
