package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.RequestLog;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.tui.FullScreen;
import ai.holysheep.chat.tui.GatewayBackend;
import ai.holysheep.chat.tui.Warnings;
import java.io.IOException;

/**
 * Starts the full-screen chat. With nothing configured it talks to the built-in simulated
 * gateway, and says so loudly, so a first run shows the program working instead of an error.
 */
final class InteractiveChat {
    private InteractiveChat() {
    }

    static int run(Settings settings, Io io, HistoryOptions history, RequestLog log)
            throws IOException, InterruptedException {
        try (GatewayChoice gateway = GatewayChoice.open(settings, log)) {
            Settings effective = gateway.settings();
            Warnings warnings = new Warnings();
            try (ChatSession session = history.session(effective, io, warnings)) {
                FullScreen.run(session, new GatewayBackend(gateway.client(), effective.retry(), gateway.simulated()),
                        effective, io.env(), warnings);
            }
            return ExitCode.OK;
        }
    }
}
