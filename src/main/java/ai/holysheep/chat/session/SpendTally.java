package ai.holysheep.chat.session;

import java.util.Optional;

/**
 * What a session's turns spent: the last turn's tokens and cost, and the sum over every turn
 * (across conversations). Ended turns are added from the thread that shows them while the status
 * bar reads it, so it is thread-safe.
 */
public final class SpendTally {
    private Optional<Spend> lastTurn = Optional.empty();
    private Spend total = Spend.NOTHING;

    /**
     * Adds a turn just ended. A turn whose usage is unknown (cancelled, failed) still becomes the
     * last one: the figures of the turn before it would otherwise be taken for its own.
     */
    synchronized void add(Optional<Spend> turn) {
        lastTurn = turn;
        turn.ifPresent(s -> total = total.plus(s));
    }

    /** Tokens and cost of the last turn; empty when the server reported no usage for it. */
    public synchronized Optional<Spend> lastTurn() {
        return lastTurn;
    }

    /** Tokens and cost of every turn so far. */
    public synchronized Spend total() {
        return total;
    }
}
