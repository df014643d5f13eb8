package ai.holysheep.chat.session;

import java.util.OptionalDouble;

/**
 * Tokens billed and what they cost in US dollars. The cost is empty when a model involved has
 * no known price: a sum over only the priced turns would look exact and be wrong.
 */
public record Spend(long promptTokens, long completionTokens, OptionalDouble cost) {
    public static final Spend NOTHING = new Spend(0, 0, OptionalDouble.of(0));

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    public Spend plus(Spend other) {
        OptionalDouble sum = cost.isPresent() && other.cost.isPresent()
                ? OptionalDouble.of(cost.getAsDouble() + other.cost.getAsDouble())
                : OptionalDouble.empty();
        return new Spend(promptTokens + other.promptTokens, completionTokens + other.completionTokens, sum);
    }
}
