package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Without a prompt the full-screen chat opens, but only where there is a terminal to open it on. */
class InteractiveStartTest {
    @Test
    void noPromptWithStdoutRedirectedFailsAtOnceWithAUsageError() {
        CliRun.Result result = new CliRun().run();

        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.stderr().contains("needs a terminal on stdout"), result.stderr());
        assertEquals("", result.stdout());
    }
}
