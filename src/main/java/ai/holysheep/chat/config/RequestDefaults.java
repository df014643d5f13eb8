package ai.holysheep.chat.config;

/** Request parameters applied to every turn unless a flag overrides them; null means "let the server decide". */
public record RequestDefaults(String system, Double temperature, Integer maxTokens) {
    public static final RequestDefaults NONE = new RequestDefaults(null, null, null);
}
