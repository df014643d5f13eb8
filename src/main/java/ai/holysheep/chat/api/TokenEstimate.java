package ai.holysheep.chat.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tokens a prompt is reckoned to take when no server has counted them: one token per four UTF-8
 * bytes, about right for English and a little low for Hangul. One rule for every guess the client
 * makes (a broken attempt's cost, whether a conversation fits a model's window), so they agree.
 */
public final class TokenEstimate {
    private TokenEstimate() {
    }

    public static long of(List<ChatMessage> messages) {
        long bytes = 0;
        for (ChatMessage m : messages) {
            bytes += bytes(m);
        }
        return (bytes + 3) / 4;
    }

    public static long of(ChatMessage message) {
        return (bytes(message) + 3) / 4;
    }

    private static long bytes(ChatMessage m) {
        return m.content().getBytes(StandardCharsets.UTF_8).length;
    }
}
