package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {
    @Test
    void theCountIsTheUtf8EncodersLengthOverFour() {
        Random random = new Random(7);
        List<String> samples = new java.util.ArrayList<>(List.of("", "a", "abcd", "abcde", "안녕하세요", "👍🏽 ok",
                "é\u0301", "\uD83D", "x\uDC00y", "\uD83D\uDE00\uD83D"));
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                b.append((char) random.nextInt(0x10000));
            }
            samples.add(b.toString());
        }
        for (String s : samples) {
            long bytes = s.getBytes(StandardCharsets.UTF_8).length;
            assertEquals((bytes + 3) / 4, TokenEstimate.of(ChatMessage.user(s)), s);
            assertEquals((2 * bytes + 3) / 4, TokenEstimate.of(List.of(ChatMessage.user(s), ChatMessage.assistant(s))), s);
        }
    }

    @Test
    void anImageCountsAFixedAmountNotItsBase64Length() {
        String url = "data:image/png;base64," + "A".repeat(400_000);
        ChatMessage withImage = ChatMessage.user("abcd", List.of(url));
        assertEquals(1 + TokenEstimate.PER_IMAGE, TokenEstimate.of(withImage));
        assertEquals(1 + 2 * TokenEstimate.PER_IMAGE, TokenEstimate.of(List.of(withImage, ChatMessage.user("", List.of(url)))));
    }
}
