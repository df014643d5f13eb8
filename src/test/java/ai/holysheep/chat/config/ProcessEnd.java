package ai.holysheep.chat.config;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Whether a process that is not our child has ended. */
public final class ProcessEnd {
    private ProcessEnd() {
    }

    /**
     * Waits up to five seconds for {@code pid} to end. A killed process whose parent is gone
     * belongs to init, which may take its time to reap it: a zombie has ended.
     */
    public static void assertEnded(long pid) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!ended(pid)) {
            if (System.nanoTime() > deadline) {
                fail("process " + pid + " still runs");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static boolean ended(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The state follows the command name, which is in parentheses and may hold spaces.
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }
}
