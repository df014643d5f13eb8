package ai.holysheep.chat.serve;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Counters for {@code GET /api/stats} and the stats line; updated from every request thread. */
final class RelayStats {
    final AtomicLong activeStreams = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong chunks = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong resumes = new AtomicLong();

    /** A snapshot of the counters; open connections come from the server, which counts them. */
    record Snapshot(long connections, long activeStreams, long requests, long chunks, long bytes, long retries,
                    long resumes) {
        String line() {
            return String.format(Locale.ROOT,
                    "serve: %d connections, %d active streams, %d requests, %d chunks (%d bytes) relayed,"
                            + " %d upstream retries, %d resumes",
                    connections, activeStreams, requests, chunks, bytes, retries, resumes);
        }
    }

    Snapshot snapshot(long openConnections) {
        return new Snapshot(openConnections, activeStreams.get(), requests.get(), chunks.get(), bytes.get(),
                retries.get(), resumes.get());
    }
}
