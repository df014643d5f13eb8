package ai.holysheep.chat;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a program, the packaged jar, /proc). On a developer's
 * machine a missing need skips the test; under CI ({@code CI=true}) it fails it, so a green run
 * never hides a test that did not run. {@code .ci/run} installs what the tests need.
 */
public final class Needs {
    private Needs() {
    }

    /** Skips the test (fails it under CI) unless {@code present}; {@code what} names the need. */
    public static void that(boolean present, String what) {
        that(present, what, System.getenv());
    }

    static void that(boolean present, String what, Map<String, String> env) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            throw new AssertionError("CI needs " + what + ", which this machine lacks (.ci/run installs it)");
        }
        Assumptions.abort("skipped: needs " + what);
    }
}
