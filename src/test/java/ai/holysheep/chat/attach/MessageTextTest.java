package ai.holysheep.chat.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void eachFileFollowsThePromptFencedUnderItsPath() {
        String text = MessageText.of("explain", List.of(new Attachment.TextFile("a.py", "print(1)", 8),
                new Attachment.Image("cat.png", "image/png", new byte[2048])));
        assertEquals("explain\n\na.py\n```\nprint(1)\n```\n\n[image: cat.png, 2 KiB]", text);
    }

    @Test
    void theFenceIsLongerThanAnyRunOfBackticksInTheFile() {
        String readme = "use ```sh\nls\n``` and ````` too\n";
        String text = MessageText.of("", List.of(new Attachment.TextFile("README.md", readme, readme.length())));
        assertEquals("README.md\n``````\n" + readme + "``````", text);
    }

    @Test
    void onlyImagesGiveDataUrls() {
        List<Attachment> files = List.of(new Attachment.TextFile("a", "x", 1),
                new Attachment.Image("b.gif", "image/gif", new byte[] {1, 2, 3}));
        assertEquals(List.of("data:image/gif;base64,AQID"), MessageText.images(files));
    }

    @Test
    void sizesKeepADecimalBelowTenOfAUnit() {
        assertEquals("1023 B", Sizes.human(1023));
        assertEquals("1 KiB", Sizes.human(1024));
        assertEquals("1.2 KiB", Sizes.human(1200));
        assertEquals("12 KiB", Sizes.human(12 * 1024 + 100));
        assertEquals("1 MiB", Sizes.human(1024 * 1024));
        assertEquals("3.2 MiB", Sizes.human(3_355_443));
    }
}
