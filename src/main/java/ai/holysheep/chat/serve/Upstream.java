package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.config.RetrySettings;
import java.util.Map;

/**
 * The gateway the relay passes answers on from, with the key in {@code client}, and the rules it
 * is held to: the same retry and resume settings, and the same price table, as every other
 * command of the same configuration.
 */
public record Upstream(GatewayClient client, RetrySettings retry, Map<String, Price> prices) {
    public Upstream {
        prices = Map.copyOf(prices);
    }
}
