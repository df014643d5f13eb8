package ai.holysheep.chat.config;

/**
 * A named way of answering ({@code -r NAME}, {@code /role NAME}): a system prompt, and optionally
 * the model and temperature that suit it. Null model or temperature: whatever is in effect.
 *
 * @param builtIn true for one that ships with the program, false for one from the config file
 */
public record AssistantRole(String name, String system, String model, Double temperature, boolean builtIn) {
}
