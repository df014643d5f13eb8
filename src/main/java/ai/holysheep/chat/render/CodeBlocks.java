package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.parser.Parser;

/**
 * The code blocks of an answer, in order, as the code itself: no fences, no language line, the
 * text exactly as written (for {@code --code} and {@code /copy N}). Parsed in the dialect the
 * answer is drawn in, so the blocks counted are the ones the user sees as code: fenced and
 * indented, inside lists and quotes too, but never a fence shown inside another block.
 */
public final class CodeBlocks {
    private static final Parser PARSER = MarkdownRenderer.parser().build();

    private CodeBlocks() {
    }

    public static List<String> of(String markdown) {
        List<String> blocks = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock code) {
                blocks.add(code.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                blocks.add(code.getLiteral());
            }
        });
        return List.copyOf(blocks);
    }
}
