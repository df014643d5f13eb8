package ai.holysheep.chat.tui;

import java.io.IOException;

/** Where {@code /copy} puts the last answer. */
public interface Clipboard {
    /** Copies {@code text}; returns how, for the confirmation line ("wl-copy", "OSC 52"). */
    String copy(String text) throws IOException;
}
