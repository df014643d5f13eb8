package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeBlocksTest {
    @Test
    void fencedAndIndentedBlocksInOrderWithoutFencesOrLanguage() {
        String answer = String.join("\n",
                "Install it:",
                "",
                "```sh",
                "pip install x",
                "```",
                "",
                "Then:",
                "",
                "    x --run",
                "",
                "1. In a list:",
                "",
                "   ```python",
                "   print('hi')",
                "   ```",
                "",
                "> ~~~",
                "> quoted",
                "> ~~~",
                "");
        assertEquals(List.of("pip install x\n", "x --run\n", "print('hi')\n", "quoted\n"), CodeBlocks.of(answer));
    }

    @Test
    void aFenceShownInsideALongerFenceIsPartOfThatOneBlock() {
        String answer = "````md\n```sh\nls\n```\n````\n";
        assertEquals(List.of("```sh\nls\n```\n"), CodeBlocks.of(answer));
    }

    @Test
    void anUnclosedFenceRunsToTheEndAndProseHasNone() {
        assertEquals(List.of("a\nb\n"), CodeBlocks.of("text\n```\na\nb\n"));
        assertEquals(List.of(), CodeBlocks.of("Just `inline` code and prose."));
    }
}
