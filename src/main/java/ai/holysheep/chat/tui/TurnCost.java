package ai.holysheep.chat.tui;

import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.config.Price;
import java.util.Optional;

/**
 * Tokens and money, for one answer or summed over the conversation. {@code known} is false once
 * any part had no price: a sum with an unknown term is unknown, and the status bar says '?'.
 */
record TurnCost(long in, long out, double dollars, boolean known) {
    static final TurnCost NONE = new TurnCost(0, 0, 0, true);

    static TurnCost of(TokenUsage usage, Optional<Price> price) {
        return new TurnCost(usage.promptTokens(), usage.completionTokens(),
                price.map(p -> p.cost(usage.promptTokens(), usage.completionTokens())).orElse(0.0),
                price.isPresent());
    }

    TurnCost plus(TurnCost other) {
        return new TurnCost(in + other.in, out + other.out, dollars + other.dollars, known && other.known);
    }

    /** {@code ↑1.2k ↓350 $0.0031}. */
    String describe() {
        return "↑" + count(in) + " ↓" + count(out) + " " + (known ? money(dollars) : "$?");
    }

    static String count(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 100_000) {
            return String.format(java.util.Locale.ROOT, "%.1fk", n / 1000.0);
        }
        return (n / 1000) + "k";
    }

    static String money(double d) {
        if (d == 0) {
            return "$0";
        }
        return d < 0.01 ? String.format(java.util.Locale.ROOT, "$%.4f", d)
                : String.format(java.util.Locale.ROOT, "$%.2f", d);
    }
}
