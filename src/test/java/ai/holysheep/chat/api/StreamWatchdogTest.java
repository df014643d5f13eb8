package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StreamWatchdogTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger stalls = new AtomicInteger();
    private final StreamWatchdog watchdog = new StreamWatchdog(now::get, 1_000, stalls::incrementAndGet);

    @Test
    void progressWithinTheIdleTimeoutKeepsTheStreamAlive() {
        now.set(900);
        watchdog.progress();
        now.set(1_800);
        assertEquals(100, watchdog.checkNow(), "looks again when the timeout since the last progress is up");
        assertEquals(0, stalls.get());
    }

    @Test
    void silenceForTheWholeIdleTimeoutIsAStall() {
        now.set(999);
        assertEquals(1, watchdog.checkNow());
        now.set(1_000);
        assertEquals(-1, watchdog.checkNow());
        assertEquals(1, stalls.get());
    }

    @Test
    @Timeout(5)
    void aStartedWatchdogFiresOnItsOwnAfterTheIdleTimeout() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        StreamWatchdog real = new StreamWatchdog(50, fired::countDown);
        real.start();
        assertTrue(fired.await(4, TimeUnit.SECONDS));
    }

    @Test
    void aStoppedWatchdogNeverFires() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        StreamWatchdog real = new StreamWatchdog(20, fired::countDown);
        real.start();
        real.stop();
        assertTrue(!fired.await(300, TimeUnit.MILLISECONDS));
    }
}
