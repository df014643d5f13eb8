package ai.holysheep.chat.sim;

import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link SimGateway} behaves.
 *
 * @param port            loopback port to listen on; 0 picks a free one
 * @param faults          which requests misbehave and how
 * @param seed            makes answers' wording and fault choices repeatable
 * @param tokensPerSecond pace of streamed pieces; 0 streams at full speed
 * @param answerTokens    length of every answer in pieces; 0 keeps each answer's natural length
 * @param clock           source of the {@code created} timestamps (fixed in tests so bytes repeat)
 */
public record SimOptions(int port, FaultPlan faults, long seed, double tokensPerSecond, int answerTokens, Clock clock) {
    /** Roughly the pace a person reads along with a fast model. */
    public static final double HUMAN_TOKENS_PER_SECOND = 40;

    public SimOptions {
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port);
        }
        if (!(tokensPerSecond >= 0) || Double.isInfinite(tokensPerSecond)) {
            throw new IllegalArgumentException("tokens per second must be 0 (unpaced) or more, not " + tokensPerSecond);
        }
        if (answerTokens < 0) {
            throw new IllegalArgumentException("answer tokens must be 0 (natural length) or more, not " + answerTokens);
        }
    }

    /** Ephemeral port, no faults, seed 0, human pace, natural-length answers, the system clock. */
    public static SimOptions defaults() {
        return new SimOptions(0, FaultPlan.none(), 0, HUMAN_TOKENS_PER_SECOND, 0, Clock.systemUTC());
    }

    public SimOptions withPort(int port) {
        return new SimOptions(port, faults, seed, tokensPerSecond, answerTokens, clock);
    }

    public SimOptions withFaults(FaultPlan faults) {
        return new SimOptions(port, faults, seed, tokensPerSecond, answerTokens, clock);
    }

    /** Parses {@code spec} as {@link FaultPlan#parse(String)} does. */
    public SimOptions withFaults(String spec) {
        return withFaults(FaultPlan.parse(spec));
    }

    public SimOptions withSeed(long seed) {
        return new SimOptions(port, faults, seed, tokensPerSecond, answerTokens, clock);
    }

    public SimOptions withTokensPerSecond(double tokensPerSecond) {
        return new SimOptions(port, faults, seed, tokensPerSecond, answerTokens, clock);
    }

    /** Full speed: what tests and throughput benchmarks want. */
    public SimOptions unpaced() {
        return withTokensPerSecond(0);
    }

    public SimOptions withAnswerTokens(int answerTokens) {
        return new SimOptions(port, faults, seed, tokensPerSecond, answerTokens, clock);
    }

    public SimOptions withClock(Clock clock) {
        return new SimOptions(port, faults, seed, tokensPerSecond, answerTokens, clock);
    }
}
