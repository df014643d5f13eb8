package ai.holysheep.chat.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes a response body event by event, flushing each one so the client sees it at once, and
 * commits the body-level faults: cutting the connection or going silent after an exact number of
 * body bytes (wherever that lands, even inside a multi-byte character), or dripping bytes slowly.
 */
final class BodyWriter {
    /**
     * Thrown out of the exchange handler to make the JDK server close the socket on the spot. A
     * handler that returns normally gets its body finished cleanly (the terminating chunk, or the
     * connection kept alive), which a client would read as a complete answer, not as a drop.
     */
    static final class ConnectionCut extends IOException {
        ConnectionCut(String why) {
            super(why, null);
        }
    }

    private final OutputStream out;
    private final CountDownLatch closing;
    private final long cutAt;
    private final boolean stallAtCut;
    private final int dripBytes;
    private final long dripPauseNanos;
    private long written;

    private BodyWriter(OutputStream out, CountDownLatch closing, long cutAt, boolean stallAtCut,
                       int dripBytes, long dripPauseNanos) {
        this.out = out;
        this.closing = closing;
        this.cutAt = cutAt;
        this.stallAtCut = stallAtCut;
        this.dripBytes = dripBytes;
        this.dripPauseNanos = dripPauseNanos;
    }

    /**
     * A writer for a body of {@code bodyLength} bytes that commits {@code fault} if it is a
     * body-level one. {@code closing} opens when the gateway shuts down, ending stalls and pauses.
     */
    static BodyWriter of(OutputStream out, CountDownLatch closing, Fault fault, long bodyLength) {
        if (fault instanceof Fault.Drop drop) {
            return new BodyWriter(out, closing, drop.at().resolve(bodyLength), false, 0, 0);
        }
        if (fault instanceof Fault.Stall stall) {
            return new BodyWriter(out, closing, stall.at().resolve(bodyLength), true, 0, 0);
        }
        if (fault instanceof Fault.Drip drip) {
            return new BodyWriter(out, closing, Long.MAX_VALUE, false, drip.bytesPerWrite(),
                TimeUnit.MILLISECONDS.toNanos(drip.pauseMillis()));
        }
        return new BodyWriter(out, closing, Long.MAX_VALUE, false, 0, 0);
    }

    void write(byte[] bytes) throws IOException {
        int allowed = (int) Math.min(bytes.length, cutAt - written);
        if (dripBytes > 0) {
            drip(bytes, allowed);
        } else {
            out.write(bytes, 0, allowed);
            out.flush();
        }
        written += allowed;
        if (allowed < bytes.length) {
            if (stallAtCut) {
                // Silence for as long as the gateway lives; only closing it (or interrupting) ends a stall.
                closedWithin(Long.MAX_VALUE);
            }
            throw new ConnectionCut("simulated connection drop after " + written + " body bytes");
        }
    }

    /** Waits, unless the gateway is closing; then the response is abandoned. */
    void pause(long nanos) throws IOException {
        if (nanos > 0 && closedWithin(nanos)) {
            throw new ConnectionCut("simulated gateway closed");
        }
    }

    private void drip(byte[] bytes, int length) throws IOException {
        for (int from = 0; from < length; from += dripBytes) {
            pause(dripPauseNanos);
            out.write(bytes, from, Math.min(dripBytes, length - from));
            out.flush();
        }
    }

    /** True once the gateway is closing (or this thread is told to stop) within {@code nanos}. */
    private boolean closedWithin(long nanos) {
        try {
            return closing.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
