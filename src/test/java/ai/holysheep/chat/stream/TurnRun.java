package ai.holysheep.chat.stream;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetrySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** Runs one turn to its end the way a UI would, moving the manual clock whenever a retry waits. */
final class TurnRun {
    static final ChatRequest ASK = new ChatRequest("gpt-4.1", List.of(ChatMessage.user("인사해 줘")), null, null);

    /**
     * The idle timeout of tests whose server really stalls. A healthy mock response arrives in one
     * burst, so only a pause of the test machine itself (a starved thread, a GC on a loaded 2-core
     * box) could pass for a stall: a second leaves wide room for that, and a stall costs a second.
     */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(1);

    /**
     * How long a test waits for a turn's next step before calling the turn hung. A healthy turn
     * here takes well under a second; the mutation run, where many mutants hang a turn, sets
     * {@code -Dpatience=MILLIS} lower, so a hung turn fails its test rather than running into
     * the mutation tool's timeout, which costs a fresh test JVM.
     */
    static final Duration PATIENCE = Duration.ofMillis(Long.getLong("patience", 20_000));

    static RetrySettings settings(int maxRetries, ResumeMode resume) {
        return new RetrySettings(maxRetries, Duration.ofMillis(500), 1.5, Duration.ofSeconds(15), 0.2,
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60), resume);
    }

    static OkHttpClient http(Duration idle) {
        return GatewayClient.httpClient(Duration.ofSeconds(5), idle).build();
    }

    /** Everything the turn said, in order, and what the user ends up with. */
    record Outcome(List<StreamEvent> events, ManualScheduler scheduler) {
        StreamEvent terminal() {
            return events.get(events.size() - 1);
        }

        /** The answer as a reader of the events sees it: Deltas appended, cut back at each Resumed. */
        String text() {
            StringBuilder sb = new StringBuilder();
            for (StreamEvent e : events) {
                if (e instanceof StreamEvent.Delta d) {
                    sb.append(d.text());
                } else if (e instanceof StreamEvent.Resumed r) {
                    sb.setLength(r.keptChars());
                }
            }
            return sb.toString();
        }

        <T extends StreamEvent> List<T> all(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (StreamEvent e : events) {
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            }
            return out;
        }
    }

    /** The turn's next event; none within {@link #PATIENCE} means the turn hung. */
    static StreamEvent next(BlockingQueue<StreamEvent> events) throws InterruptedException {
        StreamEvent e = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no event within " + PATIENCE);
        }
        return e;
    }

    static Outcome run(GatewayClient client, ChatRequest request, RetrySettings settings) throws InterruptedException {
        return run(client, request, settings, PATIENCE);
    }

    static Outcome run(GatewayClient client, ChatRequest request, RetrySettings settings, Duration deadline)
            throws InterruptedException {
        ManualScheduler scheduler = new ManualScheduler();
        BlockingQueue<StreamEvent> queue = new LinkedBlockingQueue<>();
        Turn turn = new Turn(client, request, queue::add, settings, scheduler);
        turn.start();
        List<StreamEvent> events = new ArrayList<>();
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            StreamEvent e = queue.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                turn.cancel();
                throw new AssertionError("the turn did not end within " + deadline + "; events so far: " + events);
            }
            events.add(e);
            if (e.isTerminal()) {
                return new Outcome(events, scheduler);
            }
            if (e instanceof StreamEvent.Retrying) {
                scheduler.runNext();
            }
        }
    }
}
