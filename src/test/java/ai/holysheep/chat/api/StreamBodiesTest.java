package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The guard around a streamed body: progress, the event cap, and a lone CR closed at the end. */
class StreamBodiesTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger stalls = new AtomicInteger();
    private final StreamWatchdog watchdog = new StreamWatchdog(now::get, 1_000, stalls::incrementAndGet);

    private StreamBodies.Guarded guarded(String body, long cap) {
        return new StreamBodies.Guarded(new Buffer().writeUtf8(body), watchdog, cap);
    }

    /** Everything the guard lets through, read {@code step} bytes at a time. */
    private static String readAll(StreamBodies.Guarded source, long step) throws IOException {
        Buffer sink = new Buffer();
        while (source.read(sink, step) >= 0) {
            // keep reading
        }
        return sink.readUtf8();
    }

    @Test
    void aBodyEndingInALoneCrGetsALfAndNothingElseChanges() throws IOException {
        assertEquals("data: x\r\r\n", readAll(guarded("data: x\r\r", 100), 8192));
        assertEquals("data: x\r\n\r\n", readAll(guarded("data: x\r\n\r\n", 100), 1));
        assertEquals("data: x\n\n", readAll(guarded("data: x\n\n", 100), 8192));
        assertEquals("data: x", readAll(guarded("data: x", 100), 8192));
    }

    @Test
    void eachReadSaysHowMuchItGaveAndTheEndStaysTheEnd() throws IOException {
        StreamBodies.Guarded source = guarded("ab\r", 100);
        Buffer sink = new Buffer();
        assertEquals(2, source.read(sink, 2));
        assertEquals(1, source.read(sink, 2));
        assertEquals(1, source.read(sink, 2), "the added LF");
        assertEquals(-1, source.read(sink, 2));
        assertEquals(-1, source.read(sink, 2));
        assertEquals("ab\r\n", sink.readUtf8());

        StreamBodies.Guarded plain = guarded("ab", 100);
        assertEquals(2, plain.read(sink, 10));
        assertEquals(-1, plain.read(sink, 10));
    }

    @Test
    void anEmptyReadIsNeitherProgressNorTheEnd() throws IOException {
        StreamBodies.Guarded source = guarded("ab", 100);
        Buffer sink = new Buffer();
        now.set(1_000);
        assertEquals(0, source.read(sink, 0));
        assertEquals(-1, watchdog.checkNow(), "no byte came: the silence goes on");
        assertEquals(2, source.read(sink, 10), "not taken for the end");
    }

    @Test
    void everyByteReadIsProgress() throws IOException {
        StreamBodies.Guarded source = guarded("abc", 100);
        now.set(900);
        source.read(new Buffer(), 1);
        now.set(1_500);
        assertEquals(400, watchdog.checkNow());
        assertEquals(0, stalls.get());
    }

    @Test
    void anEventUpToTheCapPassesOneByteMoreDoesNot() throws IOException {
        assertEquals("data:12345\n\n", readAll(guarded("data:12345\n\n", 10), 3));
        assertThrows(StreamBodies.EventTooLarge.class, () -> readAll(guarded("data:123456\n\n", 10), 3));
        assertThrows(StreamBodies.EventTooLarge.class, () -> readAll(guarded("data:123456", 10), 8192));
    }

    @Test
    void theCapIsPerEventAcrossItsLinesWhateverTheLineEnding() throws IOException {
        readAll(guarded("aaaaa\n\nbbbbb\n\nccccc\r\rddddd\r\n\r\n", 5), 2);
        assertThrows(StreamBodies.EventTooLarge.class, () -> readAll(guarded("aaa\nbbb\n\n", 5), 8192));
        assertThrows(StreamBodies.EventTooLarge.class, () -> readAll(guarded("aaa\rbbb\r\r", 5), 8192));
        assertThrows(StreamBodies.EventTooLarge.class, () -> readAll(guarded("aaa\r\nbbb\r\n\r\n", 5), 8192),
                "the LF of a CR LF is not an empty line");
        assertThrows(StreamBodies.EventTooLarge.class, () -> readAll(guarded("aaa\r\nbbb\r\n\r\n", 5), 1));
    }

    @Test
    void onlyTheBytesJustReadAreMeasured() throws IOException {
        Buffer sink = new Buffer().writeUtf8("x".repeat(50));
        StreamBodies.Guarded source = guarded("abc\n\n", 5);
        while (source.read(sink, 2) >= 0) {
            // keep reading
        }
        assertEquals("x".repeat(50) + "abc\n\n", sink.readUtf8());
    }
}
