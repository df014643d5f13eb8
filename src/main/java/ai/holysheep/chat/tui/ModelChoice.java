package ai.holysheep.chat.tui;

import ai.holysheep.chat.config.Price;
import java.util.Optional;

/** A model the switcher offers: its id, its price when configured, and whether the gateway listed it. */
record ModelChoice(String id, Optional<Price> price, boolean listed) {
    String describe() {
        String cost = price.map(p -> String.format(java.util.Locale.ROOT, "$%.2f / $%.2f per M", p.inputPerMillion(),
                p.outputPerMillion())).orElse("price ?");
        return cost + (listed ? "" : " · not listed by the gateway");
    }
}
