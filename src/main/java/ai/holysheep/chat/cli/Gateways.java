package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.Settings;

/** Builds the wire client for the effective settings. */
final class Gateways {
    private Gateways() {
    }

    static GatewayClient client(Settings settings) {
        RetrySettings retry = settings.retry();
        try {
            return new GatewayClient(GatewayClient.httpClient(retry.connectTimeout(), retry.idleTimeout()).build(),
                    settings.baseUrl(), settings.apiKey());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }
}
