package ai.holysheep.chat.tui;

import java.io.IOException;

/**
 * Opens the chat's draft in the user's editor ({@code /edit}, Ctrl+X Ctrl+E). On a real terminal
 * the full screen is given up while the editor runs and taken back after it.
 */
@FunctionalInterface
public interface DraftEditor {
    ExternalEditor.Outcome edit(String draft) throws IOException, InterruptedException;
}
