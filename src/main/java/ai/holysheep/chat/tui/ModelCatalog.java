package ai.holysheep.chat.tui;

import ai.holysheep.chat.config.Price;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Where a model switcher's choices come from: the chat's gateway, or a room's relay.
 *
 * @param source     what lists them, in the window's words ("gateway", "relay")
 * @param listing    the listed model ids; called off the UI thread
 * @param configured models offered besides the listed ones (the config's); none in a room, whose
 *                   relay refuses models it does not list
 * @param prices     shown beside each model; empty where none are known
 */
record ModelCatalog(String source, Callable<List<String>> listing, List<String> configured, Map<String, Price> prices) {
    ModelCatalog {
        configured = List.copyOf(configured);
        prices = Map.copyOf(prices);
    }
}
