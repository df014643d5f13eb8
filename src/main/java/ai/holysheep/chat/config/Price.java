package ai.holysheep.chat.config;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a model costs, in US dollars per million tokens. */
public record Price(double inputPerMillion, double outputPerMillion) {
    /**
     * Dollars, rounded to a ten-billionth: far below a token's price, and enough to keep binary
     * fractions' noise (1.8396000000000002E-4) out of what is shown and stored.
     */
    public double cost(long promptTokens, long completionTokens) {
        return rounded((promptTokens * inputPerMillion + completionTokens * outputPerMillion) / 1_000_000.0);
    }

    /** Dollars to a ten-billionth, as {@link #cost}; for sums of costs, which carry the noise again. */
    public static double rounded(double dollars) {
        return BigDecimal.valueOf(dollars).setScale(10, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** A cost as a plain decimal ("0.00018396"), never in exponent form, for JSON and scripts. */
    public static String plain(double dollars) {
        return BigDecimal.valueOf(dollars).stripTrailingZeros().toPlainString();
    }
}
