package ai.holysheep.chat.tui;

/** What the link to the gateway is doing, as the status bar tells it. */
sealed interface Connection {
    /** Idle; {@code note} says how the last answer ended when that is worth saying ("done", "resumed"). */
    record Ready(String note) implements Connection {
    }

    /** The request is out and nothing has come back yet; {@code since} is the clock millis it went. */
    record Sending(long since) implements Connection {
    }

    /**
     * Text is arriving.
     *
     * @param since    clock millis of the first piece
     * @param pieces   pieces received so far (one per token on the gateways we know)
     * @param lastData clock millis of the latest piece (or of the resume that announced them)
     */
    record Streaming(long since, long pieces, boolean resumed, long lastData) implements Connection {
    }

    /** Waiting to try again; {@code at} is the clock millis of the next attempt, which then waits for data. */
    record Retrying(int attempt, int max, long at, String reason) implements Connection {
    }

    record Cancelled() implements Connection {
    }

    record Error(String message) implements Connection {
    }
}
