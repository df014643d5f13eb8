package ai.holysheep.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DeeperHeadingsTest {
    @Test
    void atxHeadingsMoveDownAndStopAtSix() {
        assertEquals("### Plan\n\ntext\n\n#### Step 1\n\n###### Deep\n\n###### Deepest",
                DeeperHeadings.of("# Plan\n\ntext\n\n## Step 1\n\n##### Deep\n\n###### Deepest", 2));
        // Up to three spaces of indentation stay; the closing marks are the model's own.
        assertEquals("   ### 계획 #", DeeperHeadings.of("   # 계획 #", 2));
    }

    @Test
    void markersInsideCodeAndProseAreLeftAlone() {
        String md = "```sh\n# not a heading\n```\n\nissue #12, a = b - c\n\n    # indented code";
        assertEquals(md, DeeperHeadings.of(md, 2));
    }

    @Test
    void setextHeadingsBecomeOneAtxLine() {
        assertEquals("### Plan for the week\n\ntext\n\n#### Step",
                DeeperHeadings.of("Plan for\nthe week\n========\n\ntext\n\nStep\n----", 2));
        assertEquals("### Plan for the week\n\ntext", DeeperHeadings.of("Plan for\nthe week\n===\n\ntext", 2));
        assertEquals("#### Step", DeeperHeadings.of("Step\n---", 2));
    }

    @Test
    void textWithoutAnyMarkerIsReturnedAsIs() {
        String md = "no headings here, only words";
        assertSame(md, DeeperHeadings.of(md, 2));
        assertEquals("### b", DeeperHeadings.of("# b", 2));
        assertEquals("a\n\n###", DeeperHeadings.of("a\n\n#", 2));
        assertEquals("x\n\n#### y", DeeperHeadings.of("x\n\ny\n-", 2));
        assertEquals("#### y", DeeperHeadings.of("y\n=", 3));
    }
}
