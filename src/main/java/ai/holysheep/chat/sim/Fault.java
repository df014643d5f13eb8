package ai.holysheep.chat.sim;

import java.util.OptionalInt;
import java.util.OptionalLong;

/** One misbehaviour the simulated gateway commits on one request, decided by a {@link FaultPlan}. */
public sealed interface Fault {

    /** Send the response headers and the first {@code at} bytes of the body, then cut the connection. */
    record Drop(Position at) implements Fault {
    }

    /** Send the headers and the first {@code at} body bytes, then nothing until the gateway closes. */
    record Stall(Position at) implements Fault {
    }

    /** Refuse the request with an error status and an OpenAI-style JSON error body. */
    record ErrorStatus(int status, OptionalInt retryAfterSeconds) implements Fault {
    }

    /** Refuse the request the way a proxy in front of the gateway would: with an HTML page. */
    record HtmlPage(int status) implements Fault {
    }

    /** After {@code after} content chunks, send one chunk whose JSON is cut off, then carry on. */
    record MalformedChunk(Position after) implements Fault {
    }

    /** After {@code after} content chunks, send an {@code {"error":…}} event and end the stream. */
    record ErrorEvent(Position after) implements Fault {
    }

    /** End every line with a lone CR instead of a LF, and send one more CR as the body's last byte. */
    record CrLines() implements Fault {
    }

    /** After {@code after} content chunks, send one {@code data:} line of {@code bytes} bytes with no end, then close. */
    record HugeLine(Position after, long bytes) implements Fault {
    }

    /** Send the whole body in writes of {@code bytesPerWrite} bytes with a pause before each. */
    record Drip(int bytesPerWrite, int pauseMillis) implements Fault {
    }

    /**
     * Where in a response a fault strikes: an exact count when the spec gave one, otherwise a
     * fraction of the response drawn from the seeded random source (so it still repeats).
     */
    record Position(OptionalLong exact, double fraction) {
        public Position {
            if (fraction < 0 || fraction >= 1) {
                throw new IllegalArgumentException("fraction must be in [0, 1): " + fraction);
            }
        }

        /** The position within something {@code total} long, never past its end. */
        public long resolve(long total) {
            long at = exact.isPresent() ? exact.getAsLong() : (long) Math.floor(fraction * total);
            return Math.min(at, total);
        }
    }
}
