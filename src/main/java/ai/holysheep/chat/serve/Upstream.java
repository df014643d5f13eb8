package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.config.RetrySettings;
import java.util.List;
import java.util.Map;

/**
 * The gateway the relay passes answers on from, with the key in {@code client}, and the rules it
 * is held to: the same retry and resume settings, and the same price table, as every other
 * command of the same configuration.
 *
 * @param defaultModel the model a room's {@code @ai} asks
 * @param models       the models a room may address by name ({@code @deepseek-v3.2 …})
 */
public record Upstream(GatewayClient client, RetrySettings retry, Map<String, Price> prices, String defaultModel,
                       List<String> models) {
    public Upstream {
        prices = Map.copyOf(prices);
        models = List.copyOf(models);
    }

    /** What an answer cost in dollars: its own tokens and those its broken attempts wasted; 0 when unpriced. */
    double cost(String model, TokenUsage tokens, TokenUsage wasted) {
        Price price = prices.get(model);
        return price == null ? 0 : price.cost(tokens.promptTokens() + wasted.promptTokens(),
                tokens.completionTokens() + wasted.completionTokens());
    }
}
