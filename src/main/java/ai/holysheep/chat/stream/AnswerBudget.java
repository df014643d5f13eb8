package ai.holysheep.chat.stream;

/**
 * The user's {@code max_tokens}, held across a resumed answer. A continuation is the same answer,
 * so the completion tokens the broken attempts already produced count against the limit: each
 * continuation asks only for what is left, and the answer as a whole never runs past it. A fresh
 * start (the first attempt, or a restart) produces the answer from its first token and has the
 * whole limit again.
 *
 * <p>Not thread-safe: the turn calls it under its own lock.
 */
final class AnswerBudget {
    /** Null when the user set no limit: the server's default applies to every attempt alike. */
    private final Integer limit;
    private long used;

    AnswerBudget(Integer limit) {
        this.limit = limit;
    }

    /** The next attempt answers from the start. */
    void restart() {
        used = 0;
    }

    /** An attempt broke after producing {@code tokens} completion tokens of the answer. */
    void spent(long tokens) {
        used += tokens;
    }

    /** True when the answer already has every token the limit allows: asking again could add nothing. */
    boolean exhausted() {
        return limit != null && used >= limit;
    }

    /** {@code max_tokens} for a continuation: what is left of the limit, or null when there is none. */
    Integer left() {
        return limit == null ? null : (int) Math.max(0, limit - used);
    }
}
