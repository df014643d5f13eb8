package ai.holysheep.chat.config;

import java.util.Set;

/**
 * What may be attached to a message ({@code -f/--file}, {@code /file}).
 *
 * @param maxBytes    the most bytes the files of one message may have together
 * @param imageModels the models that are sent images; an image for any other is refused before
 *                    anything is sent, since a model without sight would answer as though it saw
 */
public record AttachSettings(long maxBytes, Set<String> imageModels) {
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    /**
     * The vision models among the ones built in for HolySheep's gateway (deepseek-v3.2 reads text
     * only), and the OpenAI ones the example profiles name.
     */
    public static final Set<String> BUILT_IN_IMAGE_MODELS = Set.of(
            "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "o4-mini", "claude-sonnet-4.5", "gemini-2.5-flash");

    public static final AttachSettings DEFAULTS = new AttachSettings(DEFAULT_MAX_BYTES, BUILT_IN_IMAGE_MODELS);

    public AttachSettings {
        imageModels = Set.copyOf(imageModels);
    }

    /** By its name, or by the name after a router's prefix ({@code openai/gpt-4.1}). */
    public boolean takesImages(String model) {
        return imageModels.contains(model) || imageModels.contains(model.substring(model.lastIndexOf('/') + 1));
    }
}
