package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.ApiError;
import ai.holysheep.chat.api.CallFailure;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetrySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The retry policy with a stopped clock and chosen randomness. */
class RetryPolicyTest {
    static final Instant NOW = Instant.parse("2025-03-04T14:30:05Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RetrySettings DEFAULTS = RetrySettings.DEFAULTS;

    /** Randomness that always lands on the same point of [0, 1). */
    static RandomGenerator always(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    static RetryPolicy policy(double randomPoint) {
        return new RetryPolicy(DEFAULTS, CLOCK, always(randomPoint));
    }

    static CallFailure http(int status) {
        return new CallFailure.Http(new ApiError(status, "status " + status, null, null), null, null);
    }

    static CallFailure http(int status, String retryAfter, String retryAfterMs) {
        return new CallFailure.Http(new ApiError(status, "Rate limit reached", null, null), retryAfter, retryAfterMs);
    }

    @Test
    void withoutJitterDelaysGrowByTheFactorFromTheBase() {
        RetryPolicy p = policy(0.5); // the middle of the jitter range: no jitter
        assertEquals(Duration.ofMillis(500), p.backoff(1));
        assertEquals(Duration.ofMillis(750), p.backoff(2));
        assertEquals(Duration.ofMillis(1125), p.backoff(3));
        assertEquals(Duration.ofMillis(1688), p.backoff(4));
    }

    @Test
    void theCeilingHoldsAndNoRetryNumberOverflows() {
        for (double r : new double[] {0.0, 0.5, 0.999999}) {
            RetryPolicy p = policy(r);
            for (int retry : new int[] {10, 1000, Integer.MAX_VALUE}) {
                Duration d = p.backoff(retry);
                assertTrue(d.compareTo(DEFAULTS.maxDelay()) <= 0, retry + " -> " + d);
                assertTrue(d.compareTo(Duration.ofMillis(12_000)) >= 0, retry + " -> " + d);
            }
        }
        assertEquals(Duration.ofSeconds(15), policy(0.5).backoff(Integer.MAX_VALUE));
        assertEquals(Duration.ofMillis(500), policy(0.5).backoff(0));
        assertEquals(Duration.ofMillis(500), policy(0.5).backoff(Integer.MIN_VALUE));
    }

    @Test
    void aHugeFactorOrAZeroBaseStillGivesAFiniteClampedDelay() {
        RetrySettings wild = new RetrySettings(8, Duration.ofMillis(500), 1e300, Duration.ofSeconds(15), 0.2,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), ResumeMode.CONTINUE);
        assertEquals(Duration.ofSeconds(15), new RetryPolicy(wild, CLOCK, always(0.5)).backoff(3));
        RetrySettings zero = new RetrySettings(8, Duration.ZERO, 2, Duration.ofSeconds(15), 0.2,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), ResumeMode.CONTINUE);
        assertEquals(Duration.ZERO, new RetryPolicy(zero, CLOCK, always(0.9)).backoff(Integer.MAX_VALUE));
    }

    @Test
    void jitterStaysWithinTwentyPercentAndActuallySpreads() {
        RetryPolicy low = policy(0.0);
        RetryPolicy high = policy(0.999999);
        assertEquals(Duration.ofMillis(400), low.backoff(1));
        assertEquals(Duration.ofMillis(600), high.backoff(1));
        RetryPolicy seeded = new RetryPolicy(DEFAULTS, CLOCK, new SplittableRandom(42));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            long ms = seeded.backoff(3).toMillis();
            assertTrue(ms >= 900 && ms <= 1350, "1125ms ±20% but got " + ms);
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertTrue(min < 950 && max > 1300, "spread " + min + ".." + max);
    }

    @Test
    void transientFailuresRetryAndRefusedRequestsNeverDo() {
        for (int status : new int[] {408, 409, 429, 500, 502, 503, 504, 529}) {
            assertTrue(RetryPolicy.retryable(http(status)), "HTTP " + status);
        }
        for (int status : new int[] {400, 401, 402, 403, 404, 413, 422, 501}) {
            assertFalse(RetryPolicy.retryable(http(status)), "HTTP " + status);
        }
        assertTrue(RetryPolicy.retryable(new CallFailure.Network("connection refused")));
        assertTrue(RetryPolicy.retryable(new CallFailure.Network("the server went silent (no data within the idle timeout)")));
        assertTrue(RetryPolicy.retryable(new CallFailure.Protocol("malformed chunk: {\"choi")));
        assertTrue(RetryPolicy.retryable(new CallFailure.InStream(new ApiError(200, "overloaded", "server_error", null))));
        assertFalse(RetryPolicy.retryable(new CallFailure.InStream(
                new ApiError(200, "context length exceeded", "invalid_request_error", "context_length_exceeded"))));
        // An error in a 200's body is judged by what it says, as one inside the stream is.
        assertTrue(RetryPolicy.retryable(new CallFailure.Http(new ApiError(200, "overloaded", "server_error", null),
                null, null)));
        assertFalse(RetryPolicy.retryable(new CallFailure.Http(
                new ApiError(200, "messages must not be empty", "invalid_request_error", null), null, null)));
    }

    @Test
    void aRefusedRequestFailsAtOnceWithItsKind() {
        RetryPolicy.Decision d = policy(0.5).decide(http(401), 1);
        RetryPolicy.Decision.Fail fail = assertInstanceOf(RetryPolicy.Decision.Fail.class, d);
        assertEquals(FailureKind.AUTH, fail.kind());
        assertEquals(FailureKind.REJECTED, ((RetryPolicy.Decision.Fail) policy(0.5).decide(http(400), 1)).kind());
        assertEquals(FailureKind.REJECTED, ((RetryPolicy.Decision.Fail) policy(0.5).decide(http(422), 1)).kind());
    }

    @Test
    void retriesRunOutAfterMaxRetries() {
        RetryPolicy p = policy(0.5);
        RetryPolicy.Decision.Retry last = assertInstanceOf(RetryPolicy.Decision.Retry.class, p.decide(http(503), 8));
        assertEquals("HTTP 503: status 503", last.reason());
        RetryPolicy.Decision.GiveUp up = assertInstanceOf(RetryPolicy.Decision.GiveUp.class, p.decide(http(503), 9));
        assertEquals("HTTP 503: status 503", up.message());
    }

    @Test
    void retryAfterInSecondsAsADateOrInMillisecondsIsHonoured() {
        RetryPolicy p = policy(0.5);
        assertEquals(Duration.ofSeconds(7), delay(p.decide(http(429, "7", null), 1)));
        assertEquals(Duration.ofMillis(2500), delay(p.decide(http(429, "2.5", null), 1)));
        assertEquals(Duration.ofSeconds(20), delay(p.decide(http(503, "Tue, 04 Mar 2025 14:30:25 GMT", null), 1)));
        assertEquals(Duration.ZERO, delay(p.decide(http(503, "Tue, 04 Mar 2025 14:00:00 GMT", null), 1)));
        // retry-after-ms wins over Retry-After
        assertEquals(Duration.ofMillis(1234), delay(p.decide(http(429, "30", "1234"), 1)));
        // nonsense falls back to our own backoff
        assertEquals(Duration.ofMillis(750), delay(p.decide(http(429, "soon", "-5"), 2)));
    }

    @Test
    void aServerAskingForMoreThanTheCapEndsTheTurnSayingWhenToTryAgain() {
        RetryPolicy.Decision d = policy(0.5).decide(http(429, "120", null), 1);
        RetryPolicy.Decision.GiveUp up = assertInstanceOf(RetryPolicy.Decision.GiveUp.class, d);
        assertEquals("HTTP 429: Rate limit reached; the server asks to wait 120s (until 14:32:05); try again then",
                up.message());
        for (String huge : new String[] {"99999999999999999999999", "1e400", "Infinity", "86401"}) {
            RetryPolicy.Decision d2 = policy(0.5).decide(http(503, huge, null), 1);
            assertEquals("HTTP 503: Rate limit reached; the server asks to wait more than a day; try again later",
                    assertInstanceOf(RetryPolicy.Decision.GiveUp.class, d2).message(), huge);
        }
        assertEquals(Duration.ofSeconds(60), delay(policy(0.5).decide(http(429, "60", null), 1)));
    }

    @Test
    void aWaitOfExactlyADayStillSaysWhenAndAZeroWaitIsHonoured() {
        RetryPolicy.Decision d = policy(0.5).decide(http(429, "86400", null), 1);
        assertEquals("HTTP 429: Rate limit reached; the server asks to wait 24h 0m (until 14:30:05); try again then",
                assertInstanceOf(RetryPolicy.Decision.GiveUp.class, d).message());
        // "Retry now" is an answer too, not nonsense to replace with our own backoff.
        assertEquals(Duration.ZERO, delay(policy(0.5).decide(http(429, "0", null), 1)));
        assertEquals(Duration.ZERO, delay(policy(0.5).decide(http(429, "30", "0"), 1)));
    }

    @Test
    void waitsReadNaturally() {
        assertEquals("850ms", Waits.human(Duration.ofMillis(850)));
        assertEquals("1.3s", Waits.human(Duration.ofMillis(1300)));
        assertEquals("15s", Waits.human(Duration.ofSeconds(15)));
        assertEquals("2h 5m", Waits.human(Duration.ofMinutes(125)));
        // Each unit from its first value on, and whole seconds without a decimal.
        assertEquals("999ms", Waits.human(Duration.ofMillis(999)));
        assertEquals("1s", Waits.human(Duration.ofMillis(1000)));
        assertEquals("2s", Waits.human(Duration.ofMillis(2000)));
        assertEquals("9.9s", Waits.human(Duration.ofMillis(9900)));
        assertEquals("11s", Waits.human(Duration.ofMillis(10_001)));
        assertEquals("3599s", Waits.human(Duration.ofSeconds(3599)));
        assertEquals("1h 0m", Waits.human(Duration.ofSeconds(3600)));
        assertEquals("0ms", Waits.human(Duration.ofMillis(-5)));
    }

    static Duration delay(RetryPolicy.Decision d) {
        return assertInstanceOf(RetryPolicy.Decision.Retry.class, d).delay();
    }
}
