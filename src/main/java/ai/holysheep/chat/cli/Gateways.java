package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.ProxyRouting;
import ai.holysheep.chat.api.RequestLog;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.Settings;
import java.security.Security;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Builds the wire client for the effective settings, the same way for every command and the TUI. */
public final class Gateways {
    private Gateways() {
    }

    public static GatewayClient client(Settings settings) {
        return client(settings, RequestLog.disabled());
    }

    /** With the configured proxy and, under {@code --verbose}, the debug log attached. */
    static GatewayClient client(Settings settings, RequestLog log) {
        RetrySettings retry = settings.retry();
        try {
            OkHttpClient.Builder http = GatewayClient.httpClient(retry.connectTimeout(), retry.idleTimeout());
            ProxyRouting.apply(http, settings.proxy());
            log.attachTo(http, settings.apiKey() == null ? null : settings.apiKey().reveal(), settings.proxy().password());
            HttpUrl url = HttpUrl.parse(settings.baseUrl());
            if (url != null && isLoopback(url.host())) {
                // A local server (llama.cpp, Ollama, the simulated gateway) has one address and no
                // TLS: connecting on the call's own thread saves a thread hand-off before the first
                // token, and skipping TLS set-up saves loading the trust store.
                http.fastFallback(false);
                if (!url.isHttps()) {
                    http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
                }
            }
            return new GatewayClient(http.build(), settings.baseUrl(), settings.apiKey(), retry.maxEventSize(),
                    settings.proxy().password());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }

    /**
     * Starts, on a daemon thread, the slowest step of building the first HTTP client, so that it
     * overlaps with reading the command line: OkHttp's platform detection asks the JDK for its
     * security providers, which loads and creates every configured one (about 40 ms here, on a
     * core that is otherwise mostly idle while picocli builds its model).
     */
    public static void loadSecurityProvidersAhead() {
        Thread loading = new Thread(Security::getProviders, "load-security-providers");
        loading.setDaemon(true);
        loading.start();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
