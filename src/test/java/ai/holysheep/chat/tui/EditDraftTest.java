package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.SimOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+X Ctrl+E and {@code /edit}: the draft goes to the editor and comes back as the draft, unsent. */
class EditDraftTest {
    @TempDir
    Path dir;

    @Test
    void ctrlXCtrlEOpensTheDraftAndBringsBackWhatTheEditorLeft() throws Exception {
        Path seen = dir.resolve("seen");
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced())) {
            rig.editorEnv.put("EDITOR", "sh -c 'cp \"$1\" " + seen + "; printf \" and more\\n\" >> \"$1\"' sh");
            rig.type("a draft");
            rig.ctrl('x');
            rig.ctrl('e');
            rig.step();
            assertEquals("a draft", Files.readString(seen));
            assertEquals("a draft and more", rig.ui.input.text());
            assertTrue(rig.gateway.requests().isEmpty(), "the draft is not sent until Enter");
        }
    }

    @Test
    void slashEditOpensItsTextInTheEditor() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced())) {
            rig.editorEnv.put("VISUAL", "sh -c 'printf \" written in vi\" >> \"$1\"' sh");
            rig.send("/edit start:");
            assertEquals("start: written in vi", rig.ui.input.text());
            assertTrue(rig.gateway.requests().isEmpty());
        }
    }

    @Test
    void anEditorThatFailsOrLeavesNothingKeepsTheDraft() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(120, 30, SimOptions.defaults().unpaced())) {
            rig.editorEnv.put("EDITOR", "sh -c 'printf junk > \"$1\"; exit 1' sh");
            rig.type("keep me");
            rig.ctrl('x');
            rig.ctrl('e');
            rig.step();
            assertEquals("keep me", rig.ui.input.text());
            assertTrue(rig.text().contains("exited with status 1; the draft is as it was."), rig.text());

            rig.editorEnv.put("EDITOR", "sh -c ': > \"$1\"' sh");
            rig.ctrl('x');
            rig.ctrl('e');
            rig.step();
            assertEquals("keep me", rig.ui.input.text());
            assertTrue(rig.text().contains("The editor left the message empty; the draft is as it was."), rig.text());
            assertTrue(rig.gateway.requests().isEmpty());
        }
    }

    @Test
    void ctrlXFollowedByAnotherKeyIsThatKey() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced())) {
            rig.editorEnv.put("EDITOR", "false");
            rig.type("ab");
            rig.ctrl('x');
            rig.ctrl('a');
            rig.type("x");
            rig.step();
            assertEquals("xab", rig.ui.input.text());
        }
    }
}
