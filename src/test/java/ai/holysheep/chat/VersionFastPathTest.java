package ai.holysheep.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.cli.CliRun;
import ai.holysheep.chat.cli.CommandFactory;
import ai.holysheep.chat.cli.Io;
import ai.holysheep.chat.cli.RootCommand;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --version} alone is answered before picocli builds its model, and reads exactly the same. */
class VersionFastPathTest {
    /** What picocli itself prints for the standard version option of the real command model. */
    static String picocliVersion() {
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(PrintStream.nullOutputStream(), true,
                StandardCharsets.UTF_8), System.err, Map.of(), true, false, false);
        StringWriter text = new StringWriter();
        new CommandLine(new RootCommand(io), new CommandFactory(io)).printVersionHelp(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void versionAloneIsAnsweredByTheFastPathExactlyAsPicocliWould() {
        String expected = picocliVersion();
        assertTrue(expected.startsWith("holysheep-chat "), expected);
        for (String flag : new String[] {"--version", "-V"}) {
            assertTrue(Main.asksOnlyForVersion(new String[] {flag}), flag);
            CliRun.Result r = new CliRun().run(flag);
            assertEquals(0, r.exitCode());
            assertEquals(expected, r.stdout(), flag);
            assertEquals("", r.stderr(), flag);
        }
    }

    @Test
    void versionAmongOtherArgumentsStillGoesThroughPicocliAndReadsTheSame() {
        assertFalse(Main.asksOnlyForVersion(new String[] {"--verbose", "--version"}));
        CliRun.Result r = new CliRun().run("--verbose", "--version");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(picocliVersion(), r.stdout());
    }

    @Test
    void aPromptThatMentionsTheVersionIsAPrompt() {
        assertFalse(Main.asksOnlyForVersion(new String[] {"what is --version"}));
        assertFalse(Main.asksOnlyForVersion(new String[] {"--", "--version"}));
        assertFalse(Main.asksOnlyForVersion(new String[0]));
    }
}
