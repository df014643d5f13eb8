package ai.holysheep.chat.api;

/** One message of a conversation as the wire knows it. */
public record ChatMessage(String role, String content) {
    public static ChatMessage system(String text) {
        return new ChatMessage("system", text);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage("user", text);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", text);
    }
}
