package ai.holysheep.chat.config;

/** Request parameters applied to every turn unless a flag overrides them; null means "let the server decide". */
public record RequestDefaults(String system, Double temperature, Integer maxTokens) {
    public static final RequestDefaults NONE = new RequestDefaults(null, null, null);

    /** 0 to 2, as OpenAI-compatible servers take it; NaN and infinities are not temperatures. */
    public static boolean validTemperature(double t) {
        return t >= 0 && t <= 2;
    }
}
