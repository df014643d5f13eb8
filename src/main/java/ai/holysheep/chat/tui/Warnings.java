package ai.holysheep.chat.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Problems reported before or while the screen is up (the history database failing). Printing
 * them to stderr would scribble over the screen, so they wait here until it shows them.
 */
public final class Warnings implements Consumer<String> {
    private final List<String> waiting = new ArrayList<>();
    private ChatScreen screen;

    @Override
    public synchronized void accept(String warning) {
        if (screen != null) {
            screen.warn("warning: " + warning);
        } else {
            waiting.add(warning);
        }
    }

    synchronized void attach(ChatScreen shown) {
        screen = shown;
        for (String w : waiting) {
            shown.warn("warning: " + w);
        }
        waiting.clear();
    }
}
