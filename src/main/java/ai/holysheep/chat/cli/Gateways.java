package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.ProxyRouting;
import ai.holysheep.chat.api.RequestLog;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.Settings;
import okhttp3.OkHttpClient;

/** Builds the wire client for the effective settings. */
final class Gateways {
    private Gateways() {
    }

    static GatewayClient client(Settings settings) {
        return client(settings, RequestLog.disabled());
    }

    /** With the configured proxy and, under {@code --verbose}, the debug log attached. */
    static GatewayClient client(Settings settings, RequestLog log) {
        RetrySettings retry = settings.retry();
        try {
            OkHttpClient.Builder http = GatewayClient.httpClient(retry.connectTimeout(), retry.idleTimeout());
            ProxyRouting.apply(http, settings.proxy());
            log.attachTo(http);
            return new GatewayClient(http.build(), settings.baseUrl(), settings.apiKey());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }
}
