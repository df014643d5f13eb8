package ai.holysheep.chat.api;

import java.util.List;

/**
 * Tokens a prompt is reckoned to take when no server has counted them: one token per four UTF-8
 * bytes, about right for English and a little low for Hangul, and {@link #PER_IMAGE} for each
 * image (never its base64 length: models see an image's pixels, not its encoding). One rule for every guess the client
 * makes (a broken attempt's cost, whether a conversation fits a model's window), so they agree.
 */
public final class TokenEstimate {
    /**
     * What one image is reckoned to take. Models charge by pixels, which differ per model: Claude
     * about 1,600 tokens for the largest image it takes unscaled, OpenAI 765 for a 1024×1024 one in
     * high detail, Gemini 258. The highest is used, so an estimate for fitting a context window errs
     * on the side of room.
     */
    public static final long PER_IMAGE = 1_600;

    private TokenEstimate() {
    }

    public static long of(List<ChatMessage> messages) {
        long bytes = 0;
        long images = 0;
        for (ChatMessage m : messages) {
            bytes += bytes(m);
            images += m.images().size();
        }
        return (bytes + 3) / 4 + images * PER_IMAGE;
    }

    static long of(ChatMessage message) {
        return (bytes(message) + 3) / 4 + message.images().size() * PER_IMAGE;
    }

    /**
     * The content's length in UTF-8, counted rather than encoded: every request estimates its
     * whole conversation, which need not be copied to be measured. A lone surrogate counts one
     * byte, as the encoder writes it ('?').
     */
    private static long bytes(ChatMessage m) {
        String s = m.content();
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
