package ai.holysheep.chat.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.holysheep.chat.attach.Gitignore.Verdict;
import org.junit.jupiter.api.Test;

class GitignoreTest {

    @Test
    void aPlainNameMatchesAtAnyDepthFileOrDirectory() {
        Gitignore g = Gitignore.parse("# build output\n\ntarget\n");
        assertEquals(Verdict.IGNORED, g.judge("target", true));
        assertEquals(Verdict.IGNORED, g.judge("sub/deeper/target", false));
        assertEquals(Verdict.UNSAID, g.judge("targets", false));
        assertEquals(Verdict.UNSAID, g.judge("# build output", false));
    }

    @Test
    void aStarStaysWithinOneName() {
        Gitignore g = Gitignore.parse("*.log\nfoo?.txt\n[ab].md\n[!c]x\n");
        assertEquals(Verdict.IGNORED, g.judge("a.log", false));
        assertEquals(Verdict.IGNORED, g.judge("logs/b.log", false));
        assertEquals(Verdict.UNSAID, g.judge("a.log.txt", false));
        assertEquals(Verdict.IGNORED, g.judge("foo1.txt", false));
        assertEquals(Verdict.UNSAID, g.judge("foo12.txt", false));
        assertEquals(Verdict.IGNORED, g.judge("b.md", false));
        assertEquals(Verdict.UNSAID, g.judge("c.md", false));
        assertEquals(Verdict.IGNORED, g.judge("dx", false));
        assertEquals(Verdict.UNSAID, g.judge("cx", false));
    }

    @Test
    void aSlashAtTheStartOrInTheMiddleAnchorsToTheFilesDirectory() {
        Gitignore g = Gitignore.parse("/build\ndocs/*.html\n");
        assertEquals(Verdict.IGNORED, g.judge("build", true));
        assertEquals(Verdict.UNSAID, g.judge("sub/build", true));
        assertEquals(Verdict.IGNORED, g.judge("docs/index.html", false));
        assertEquals(Verdict.UNSAID, g.judge("sub/docs/index.html", false));
        assertEquals(Verdict.UNSAID, g.judge("docs/api/index.html", false));
    }

    @Test
    void aTrailingSlashMatchesDirectoriesOnly() {
        Gitignore g = Gitignore.parse("out/\n");
        assertEquals(Verdict.IGNORED, g.judge("out", true));
        assertEquals(Verdict.IGNORED, g.judge("a/out", true));
        assertEquals(Verdict.UNSAID, g.judge("out", false));
    }

    @Test
    void doubleStarsSpanDirectories() {
        Gitignore g = Gitignore.parse("**/cache\nlogs/**\na/**/z.txt\n");
        assertEquals(Verdict.IGNORED, g.judge("cache", true));
        assertEquals(Verdict.IGNORED, g.judge("x/y/cache", true));
        assertEquals(Verdict.IGNORED, g.judge("logs/one/two.txt", false));
        assertEquals(Verdict.UNSAID, g.judge("logs", true));
        assertEquals(Verdict.IGNORED, g.judge("a/z.txt", false));
        assertEquals(Verdict.IGNORED, g.judge("a/b/c/z.txt", false));
        assertEquals(Verdict.UNSAID, g.judge("b/a/z.txt", false));
    }

    @Test
    void theLastMatchingRuleDecidesSoABangTakesAPathBack() {
        Gitignore g = Gitignore.parse("*.txt\n!keep.txt\n");
        assertEquals(Verdict.IGNORED, g.judge("drop.txt", false));
        assertEquals(Verdict.KEPT, g.judge("keep.txt", false));
        assertEquals(Verdict.IGNORED, Gitignore.parse("!keep.txt\n*.txt\n").judge("keep.txt", false));
    }

    @Test
    void escapedLeadingCharactersAreLiteral() {
        Gitignore g = Gitignore.parse("\\#notes\n\\!bang\nlit.e\n");
        assertEquals(Verdict.IGNORED, g.judge("#notes", false));
        assertEquals(Verdict.IGNORED, g.judge("!bang", false));
        assertEquals(Verdict.UNSAID, g.judge("litxe", false));
    }
}
