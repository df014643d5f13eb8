package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.RequestLog;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import java.io.IOException;

/**
 * Which gateway a run talks to. With nothing configured at all (no key, no base URL, no profile)
 * it is the built-in simulated gateway on loopback, so a first run shows the program working
 * instead of an error; callers must say so loudly. A base URL without a key is a local server
 * that needs none: it is used as given, never swapped for the simulator.
 */
final class GatewayChoice implements AutoCloseable {
    /** What one-shot prints on stderr when the answers are simulated. */
    static final String SIMULATED_NOTICE = "no API key or gateway is configured: this answer is SIMULATED, not from a real model."
            + " Set a key with `export HOLYSHEEP_API_KEY=…` or run `holysheep-chat config init`.";

    private final Settings settings;
    private final GatewayClient client;
    private final SimGateway sim;

    private GatewayChoice(Settings settings, GatewayClient client, SimGateway sim) {
        this.settings = settings;
        this.client = client;
        this.sim = sim;
    }

    /** True when {@link #open} would start the simulated gateway for these settings. */
    static boolean simulates(Settings settings) {
        return settings.unconfigured();
    }

    static GatewayChoice open(Settings settings, RequestLog log) throws IOException {
        if (!simulates(settings)) {
            return new GatewayChoice(settings, Gateways.client(settings, log), null);
        }
        SimGateway sim = SimGateway.start(SimOptions.defaults());
        Settings local = new Settings(sim.baseUrl(), settings.apiKey(), settings.apiKeySource(), settings.model(), settings.profile(),
                settings.request(), settings.retry(), settings.prices(), settings.models(), settings.configFile(),
                settings.origins(), settings.unconfigured(), settings.proxy(), settings.roles(),
                settings.contextWindows(), settings.attach());
        return new GatewayChoice(local, Gateways.client(local, log), sim);
    }

    /** The settings in effect, pointing at the simulator when it is used. */
    Settings settings() {
        return settings;
    }

    GatewayClient client() {
        return client;
    }

    boolean simulated() {
        return sim != null;
    }

    @Override
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }
}
