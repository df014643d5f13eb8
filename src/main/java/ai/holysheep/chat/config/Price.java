package ai.holysheep.chat.config;

/** What a model costs, in US dollars per million tokens. */
public record Price(double inputPerMillion, double outputPerMillion) {
    public double cost(long promptTokens, long completionTokens) {
        return (promptTokens * inputPerMillion + completionTokens * outputPerMillion) / 1_000_000.0;
    }
}
