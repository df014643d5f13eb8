package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.GatewayException;
import ai.holysheep.chat.api.ModelInfo;
import ai.holysheep.chat.api.RequestLog;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.tui.FullScreen;
import ai.holysheep.chat.tui.GatewayBackend;
import ai.holysheep.chat.tui.Warnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the full-screen chat. With nothing configured it talks to the built-in simulated
 * gateway, and says so loudly, so a first run shows the program working instead of an error.
 * The gateway (client, and the simulated one) is set up after the screen is shown.
 */
final class InteractiveChat {
    private InteractiveChat() {
    }

    static int run(Settings settings, Io io, HistoryOptions history, RequestLog log)
            throws IOException, InterruptedException {
        boolean simulated = GatewayChoice.simulates(settings);
        if (!simulated) {
            checkBaseUrl(settings);
        }
        AtomicReference<GatewayChoice> gateway = new AtomicReference<>();
        GatewayBackend backend = new GatewayBackend(() -> {
            try {
                gateway.set(GatewayChoice.open(settings, log));
            } catch (IOException e) {
                throw new UncheckedIOException("the simulated gateway did not start: " + e.getMessage(), e);
            }
            return gateway.get().client();
        }, settings.retry(), simulated);
        try {
            Warnings warnings = new Warnings();
            try (ChatSession session = history.session(settings, io, warnings)) {
                // Listed off the UI thread, so a slow /models never freezes the screen; a long
                // question sent before the list arrives goes by the configured and built-in windows.
                CompletableFuture<List<ModelInfo>> listed = CompletableFuture.supplyAsync(() -> {
                    try {
                        return backend.modelInfo();
                    } catch (GatewayException | RuntimeException e) {
                        return List.of();
                    }
                });
                session.windowsFrom(() -> listed.getNow(List.of()));
                FullScreen.run(session, backend, settings, io.env(), warnings);
            }
            return ExitCode.OK;
        } finally {
            GatewayChoice opened = gateway.get();
            if (opened != null) {
                opened.close();
            }
        }
    }

    /** A wrong base URL is a usage error, reported before the screen opens. */
    private static void checkBaseUrl(Settings settings) {
        try {
            GatewayClient.checkBaseUrl(settings.baseUrl());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }
}
