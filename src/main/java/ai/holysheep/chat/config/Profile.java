package ai.holysheep.chat.config;

import java.util.List;
import java.util.Map;

/** A named gateway from the config file: where to send requests, with which key, for which models. */
record Profile(
        String name,
        String baseUrl,
        String apiKey,
        String apiKeyCmd,
        String model,
        List<String> models,
        Map<String, Price> prices) {
}
