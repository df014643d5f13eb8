package ai.holysheep.chat.stream;

import ai.holysheep.chat.api.ApiError;
import ai.holysheep.chat.api.CallFailure;
import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.Chunk;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.StreamCall;
import ai.holysheep.chat.api.StreamListener;
import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.config.RetrySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One answer, however many calls it takes: sends the request, retries what can be retried with
 * backoff, resumes a stream that broke mid-answer, and turns it all into {@link StreamEvent}s for
 * {@code sink}. The sink is called from network and scheduler threads and must only hand events
 * on (an {@link EventChannel}, or a UI's event queue).
 *
 * <p>There is no limit on the whole answer's duration, only on silence (the client's idle
 * timeout), so a long answer is never cut off. The retry budget counts failures in a row: an
 * attempt that adds to the answer earns a fresh budget, so a long answer over a flaky link gets
 * through as long as each attempt makes progress.
 *
 * <p>A continuation asks only for what is left of the request's {@code max_tokens} (see
 * {@link AnswerBudget}), so a resumed answer is never longer than an unbroken one could be.
 */
public final class Turn {
    private final Transport transport;
    private final ChatRequest request;
    private final Consumer<StreamEvent> sink;
    private final RetrySettings settings;
    private final Scheduler scheduler;
    private final RetryPolicy policy;
    private final Object lock = new Object();
    private final AnswerText answer = new AnswerText();
    private final AttemptCosts costs = new AttemptCosts();
    private final AnswerBudget budget;

    private Attempt current;
    private Scheduler.Pending pendingRetry;
    private boolean started;
    private boolean finished;
    private int attempts;
    private int failuresInARow;
    private int reasoningShown;
    private Instant outageStart;
    private Duration downtime = Duration.ZERO;

    public Turn(GatewayClient client, ChatRequest request, Consumer<StreamEvent> sink,
                RetrySettings settings, Scheduler scheduler) {
        this(client::stream, request, sink, settings, scheduler);
    }

    /** With real time. */
    public Turn(GatewayClient client, ChatRequest request, Consumer<StreamEvent> sink, RetrySettings settings) {
        this(client, request, sink, settings, Scheduler.system());
    }

    /**
     * A turn that asks for the answer whole ({@code "stream": false}) and retries, waits and gives
     * up exactly as a streamed one does. Nothing is shown before the answer is complete, so no
     * attempt ever resumes one.
     */
    public static Turn unstreamed(GatewayClient client, ChatRequest request, Consumer<StreamEvent> sink,
                                  RetrySettings settings, Scheduler scheduler) {
        return new Turn(client::whole, request, sink, settings, scheduler);
    }

    private Turn(Transport transport, ChatRequest request, Consumer<StreamEvent> sink,
                 RetrySettings settings, Scheduler scheduler) {
        this.transport = transport;
        this.request = request;
        this.sink = sink;
        this.settings = settings;
        this.scheduler = scheduler;
        this.policy = new RetryPolicy(settings, scheduler.clock(), RandomGenerator.getDefault());
        this.budget = new AnswerBudget(request.maxTokens());
    }

    /** How one attempt reaches the gateway: as a stream, or as the whole answer at once. */
    private interface Transport {
        StreamCall send(ChatRequest asked, StreamListener listener);
    }

    public void start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("a turn starts once");
            }
            started = true;
            launch();
        }
    }

    /** Stops the answer; the sink receives {@link StreamEvent.Cancelled} unless the turn already ended. */
    public void cancel() {
        synchronized (lock) {
            finish(new StreamEvent.Cancelled());
        }
    }

    private void launch() {
        attempts++;
        answer.begin(attempts, settings.resume());
        ChatRequest asked;
        if (answer.continuing()) {
            asked = request.plus(ChatMessage.assistant(answer.shown())).withMaxTokens(budget.left());
        } else {
            budget.restart();
            asked = request;
        }
        Attempt attempt = new Attempt(asked);
        current = attempt;
        attempt.call = transport.send(asked, attempt);
    }

    private void retryNow() {
        synchronized (lock) {
            pendingRetry = null;
            if (!finished) {
                launch();
            }
        }
    }

    private void finish(StreamEvent terminal) {
        if (finished) {
            return;
        }
        finished = true;
        if (pendingRetry != null) {
            pendingRetry.cancel();
        }
        if (current != null && current.call != null) {
            current.call.cancel();
        }
        sink.accept(terminal);
    }

    private void emit(StreamEvent event) {
        if (!finished) {
            sink.accept(event);
        }
    }

    private void endOutage() {
        if (outageStart != null) {
            downtime = downtime.plus(Duration.between(outageStart, scheduler.clock().instant()));
            outageStart = null;
        }
    }

    /** The callbacks of one call; anything from a call that is no longer the current one is ignored. */
    private final class Attempt implements StreamListener {
        private final ChatRequest asked;
        private StreamCall call;
        private boolean opened;
        private int chunks;
        private int reasoningSeen;
        private String finishReason;
        private TokenUsage usage;

        Attempt(ChatRequest asked) {
            this.asked = asked;
        }

        private boolean live() {
            return !finished && current == this;
        }

        @Override
        public void onOpen() {
            synchronized (lock) {
                if (live()) {
                    opened = true;
                }
            }
        }

        @Override
        public void onChunk(Chunk chunk) {
            synchronized (lock) {
                if (!live()) {
                    return;
                }
                if (chunk.error() != null) {
                    failed(new CallFailure.InStream(chunk.error()));
                    return;
                }
                if (chunk.reasoning() != null) {
                    chunks++;
                    reasoning(chunk.reasoning());
                }
                if (chunk.content() != null) {
                    chunks++;
                    answer.text(chunk.content(), Turn.this::emit);
                    if (answer.grown() > 0) {
                        failuresInARow = 0;
                        endOutage();
                    }
                }
                if (chunk.usage() != null) {
                    usage = chunk.usage();
                }
                if (chunk.finishReason() != null) {
                    finishReason = chunk.finishReason();
                }
            }
        }

        /** A retried attempt thinks again; only the part beyond what was already shown is new. */
        private void reasoning(String text) {
            int start = reasoningSeen;
            reasoningSeen += text.length();
            if (reasoningSeen <= reasoningShown) {
                return;
            }
            String fresh = text.substring(Math.max(0, reasoningShown - start));
            reasoningShown += fresh.length();
            emit(new StreamEvent.Reasoning(fresh));
        }

        @Override
        public void onEnd(boolean sawDone) {
            synchronized (lock) {
                if (!live()) {
                    return;
                }
                if ("error".equals(finishReason)) {
                    failed(new CallFailure.InStream(new ApiError(200,
                            "the server ended the answer with an error", "server_error", null)));
                    return;
                }
                if (!sawDone && finishReason == null) {
                    // A proxy that closes the connection between two events looks exactly like a
                    // clean end. With neither a finish_reason nor [DONE] there is no telling a
                    // whole answer from a cut one, so it always counts as a drop: a continuation
                    // that adds nothing proves nothing either, since a cut can fall anywhere.
                    failed(new CallFailure.Network(answer.shown().isEmpty()
                            ? "the stream ended without an answer" : "the stream ended without finishing the answer"));
                    return;
                }
                answer.end(Turn.this::emit);
                endOutage();
                StreamEvent.Usage report = costs.report(usage);
                if (report != null) {
                    emit(report);
                }
                finish(new StreamEvent.Done(finishReason));
            }
        }

        @Override
        public void onFailure(CallFailure failure) {
            synchronized (lock) {
                if (!live()) {
                    return;
                }
                if (failure instanceof CallFailure.Network && finishReason != null && !"error".equals(finishReason)) {
                    // The server had already said the answer was finished; only [DONE] or the
                    // usage chunk was lost, and asking again would add nothing.
                    onEnd(true);
                    return;
                }
                failed(failure);
            }
        }

        private void failed(CallFailure failure) {
            call.cancel();
            if (opened) {
                costs.broken(asked, chunks, usage);
                budget.spent(AttemptCosts.completion(chunks, usage));
            }
            if (RetryPolicy.retryable(failure) && answer.nextContinues(settings.resume()) && budget.exhausted()) {
                // The answer has every token the user allowed; a continuation could add none,
                // so it ends as a server ends an answer that reached max_tokens.
                answer.end(Turn.this::emit);
                StreamEvent.Usage report = costs.report(null);
                if (report != null) {
                    emit(report);
                }
                finish(new StreamEvent.Done("length"));
                return;
            }
            if (outageStart == null) {
                outageStart = scheduler.clock().instant();
            }
            failuresInARow++;
            RetryPolicy.Decision decision = policy.decide(failure, failuresInARow);
            if (decision instanceof RetryPolicy.Decision.Retry retry) {
                emit(new StreamEvent.Retrying(failuresInARow, settings.maxRetries(), retry.delay(), retry.reason()));
                pendingRetry = scheduler.schedule(retry.delay(), Turn.this::retryNow);
            } else if (decision instanceof RetryPolicy.Decision.GiveUp up) {
                Duration total = downtime.plus(Duration.between(outageStart, scheduler.clock().instant()));
                finish(new StreamEvent.GaveUp(attempts, total, up.message()));
            } else if (decision instanceof RetryPolicy.Decision.Fail fail) {
                finish(new StreamEvent.Failed(fail.kind(), fail.message()));
            }
        }
    }
}
