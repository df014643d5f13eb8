package ai.holysheep.chat.api;

import java.util.List;

/**
 * One message of a conversation as the wire knows it.
 *
 * @param images the message's images as {@code data:} URLs; with any, the content goes as a list
 *               of parts (its text first), else as a plain string, which every server takes
 */
public record ChatMessage(String role, String content, List<String> images) {
    public ChatMessage {
        images = List.copyOf(images);
    }

    public ChatMessage(String role, String content) {
        this(role, content, List.of());
    }

    public static ChatMessage system(String text) {
        return new ChatMessage("system", text);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage("user", text);
    }

    /** A question with images to be shown to the model along with its text. */
    public static ChatMessage user(String text, List<String> images) {
        return new ChatMessage("user", text, images);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", text);
    }

    /** The message as the history keeps it: its text alone (which names each image it had). */
    public ChatMessage withoutImages() {
        return images.isEmpty() ? this : new ChatMessage(role, content);
    }
}
