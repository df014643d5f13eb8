package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.RequestLog;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
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
        SimGateway sim = settings.unconfigured() ? SimGateway.start(SimOptions.defaults()) : null;
        try {
            Settings effective = sim == null ? settings : withBaseUrl(settings, sim.baseUrl());
            Warnings warnings = new Warnings();
            try (ChatSession session = history.session(effective, io, warnings)) {
                FullScreen.run(session, new GatewayBackend(Gateways.client(effective, log), effective.retry(), sim != null), effective,
                        io.env(), warnings);
            }
            return ExitCode.OK;
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    private static Settings withBaseUrl(Settings s, String baseUrl) {
        return new Settings(baseUrl, s.apiKey(), s.model(), s.profile(), s.request(), s.retry(), s.prices(),
                s.models(), s.configFile(), s.origins(), s.unconfigured(), s.proxy());
    }
}
