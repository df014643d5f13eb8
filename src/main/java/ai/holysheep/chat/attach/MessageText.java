package ai.holysheep.chat.attach;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a message with files attached: what the user wrote, then each file under its path,
 * fenced, and a note for each image. It is the message's text as sent and as saved, so a
 * continued conversation reads what the model was shown (images apart).
 */
public final class MessageText {
    private MessageText() {
    }

    public static String of(String prompt, List<Attachment> files) {
        StringBuilder out = new StringBuilder(prompt.isBlank() ? "" : prompt);
        for (Attachment a : files) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            if (a instanceof Attachment.TextFile t) {
                String fence = "`".repeat(Math.max(3, longestBacktickRun(t.text()) + 1));
                out.append(t.path()).append('\n').append(fence).append('\n').append(t.text());
                if (!t.text().endsWith("\n")) {
                    out.append('\n');
                }
                out.append(fence);
            } else if (a instanceof Attachment.Image i) {
                out.append(i.note());
            }
        }
        return out.toString();
    }

    /** The data URLs of the images among {@code files}, in order. */
    public static List<String> images(List<Attachment> files) {
        List<String> urls = new ArrayList<>();
        for (Attachment a : files) {
            if (a instanceof Attachment.Image i) {
                urls.add(i.dataUrl());
            }
        }
        return List.copyOf(urls);
    }

    /** A fence must be longer than any run of backticks inside, or the file would end the block early. */
    static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
