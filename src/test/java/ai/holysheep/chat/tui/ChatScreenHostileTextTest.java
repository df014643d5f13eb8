package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.stream.FailureKind;
import ai.holysheep.chat.stream.StreamEvent;
import org.junit.jupiter.api.Test;

/**
 * Answers, reasoning and error messages come from the network: none of them may reach the
 * terminal as a control sequence that clears it, moves the cursor, retitles the window or
 * writes the clipboard — not even when a sequence is split across two deltas.
 */
class ChatScreenHostileTextTest {

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f));
    }

    @Test
    void hostileAnswerAndReasoningAreShownAsPlainText() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(120, 24)) {
            rig.send("hi");
            rig.feed(new StreamEvent.Reasoning("think\u001b]0;pwned title\u0007ing"));
            rig.feed(new StreamEvent.Delta("Clear\u001b[2J\u001b[H screen, \u001b]52;c;ZXZpbA==\u0007clipboard, "));
            rig.feed(new StreamEvent.Delta("split \u001b]0;ti"));
            rig.feed(new StreamEvent.Delta("tle\u0007title, bell\u0007, back\bspace, \u009b31mred, nul\u0000."));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            String text = rig.text();
            assertFalse(hasControl(text), text);
            assertTrue(text.contains("Clear screen, clipboard, split title, bell, backspace, red, nul."), text);
            assertFalse(text.contains("pwned"), text);
            assertFalse(text.contains("ZXZpbA"), text);
        }
    }

    @Test
    void hostileErrorMessagesAreShownAsPlainText() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(120, 24)) {
            rig.send("hi");
            rig.feed(new StreamEvent.Failed(FailureKind.UNAVAILABLE, "HTTP 502: \u001b[31mbad\u001b[0m \u001b]2;x\u0007gateway"));
            rig.step();
            String text = rig.text();
            assertFalse(hasControl(text), text);
            assertTrue(text.contains("HTTP 502: bad gateway"), text);
        }
    }
}
