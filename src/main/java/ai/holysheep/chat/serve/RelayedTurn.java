package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.stream.EventChannel;
import ai.holysheep.chat.stream.FailureKind;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import java.io.IOException;
import java.time.Duration;

/**
 * One member request carried through to its end: the same {@link Turn} the client uses (retry
 * before the first byte, resume after it), its events written to the member as OpenAI frames.
 * Runs on the request's own thread, which is the only one that writes to the member; the turn's
 * network threads only hand events over.
 *
 * <p>To the member an upstream drop is invisible: a resumed answer goes on in the same response
 * under the same id, every character once. While upstream is silent (a stall, a retry's backoff)
 * a comment line goes out every {@code keepalive}, which SSE clients ignore but which keeps
 * their idle timeouts and any proxy in between from closing the connection.
 */
final class RelayedTurn {
    private final GatewayClient upstream;
    private final RelayRequest request;
    private final RetrySettings retry;
    private final Duration keepalive;
    private final RelayStats stats;
    private final Frames frames;
    private final EventChannel events = new EventChannel();
    private Turn turn;
    private volatile boolean stopping;

    /**
     * How a relayed request ended, for the accounts.
     *
     * @param status the HTTP status the member got
     */
    record Outcome(int status, String outcome, TokenUsage tokens, TokenUsage wasted, int retries, int resumes) {
    }

    RelayedTurn(GatewayClient upstream, RelayRequest request, RetrySettings retry, Duration keepalive,
                RelayStats stats, Frames frames) {
        this.upstream = upstream;
        this.request = request;
        this.retry = retry;
        this.keepalive = keepalive;
        this.stats = stats;
        this.frames = frames;
    }

    /** Ends the answer early because the relay is shutting down; the member gets an error event. */
    void stop() {
        stopping = true;
        cancel();
    }

    /** The member has gone: upstream is cancelled at once. */
    void cancel() {
        Turn started;
        synchronized (this) {
            started = turn;
        }
        if (started != null) {
            started.cancel();
        }
    }

    Outcome run(MemberOutput member) throws InterruptedException {
        Turn created = new Turn(upstream, request.upstream(), events, retry);
        synchronized (this) {
            turn = created;
        }
        created.start();
        if (stopping) {
            created.cancel();
        }
        Progress progress = new Progress();
        try {
            return request.stream() ? stream(member, progress) : whole(member, progress);
        } catch (IOException memberLeft) {
            created.cancel();
            return progress.outcome(member.begun() ? 200 : 499, "left");
        }
    }

    private Outcome stream(MemberOutput member, Progress progress) throws IOException, InterruptedException {
        long keepaliveNanos = keepalive.toNanos();
        long lastWrite = System.nanoTime();
        boolean roleSent = false;
        while (true) {
            StreamEvent event = events.poll(keepaliveNanos - (System.nanoTime() - lastWrite));
            if (event == null) {
                open(member);
                member.write(Frames.comment("keep-alive"));
                lastWrite = System.nanoTime();
                continue;
            }
            progress.note(event, stats);
            String text = null;
            if (event instanceof StreamEvent.Delta delta) {
                text = frames.content(delta.text());
                stats.chunks.incrementAndGet();
            } else if (event instanceof StreamEvent.Reasoning reasoning) {
                text = frames.reasoning(reasoning.text());
                stats.chunks.incrementAndGet();
            } else if (event instanceof StreamEvent.Retrying retrying) {
                text = Frames.comment(String.format(java.util.Locale.ROOT, "upstream retry %d/%d in %.1fs",
                        retrying.attempt(), retrying.max(), retrying.delay().toMillis() / 1000.0));
            } else if (event instanceof StreamEvent.Resumed resumed) {
                if (resumed.diverged()) {
                    // What the member already has cannot be taken back, and a restarted answer that
                    // did not repeat it cannot be joined to it: end rather than send two answers.
                    turn.cancel();
                    open(member);
                    member.write(Frames.errorEvent("upstream broke off and gave a different answer when asked"
                            + " again; the answer above is incomplete", "server_error"));
                    return progress.outcome(200, "failed");
                }
                text = Frames.comment("upstream resumed");
            } else if (event instanceof StreamEvent.Done done) {
                open(member);
                StringBuilder end = new StringBuilder(frames.finish(done.finishReason()));
                if (request.includeUsage() && progress.usage != null) {
                    end.append(frames.usage(progress.usage.tokens()));
                }
                end.append(Frames.done());
                member.write(end.toString());
                return progress.outcome(200, "done");
            } else if (event instanceof StreamEvent.Failed || event instanceof StreamEvent.GaveUp) {
                return failure(member, progress, event);
            } else if (event instanceof StreamEvent.Cancelled) {
                if (stopping) {
                    open(member);
                    member.write(Frames.errorEvent("the relay is shutting down; the answer above is incomplete",
                            "server_error"));
                    return progress.outcome(200, "stopped");
                }
                return progress.outcome(member.begun() ? 200 : 499, "left");
            }
            if (text != null) {
                if (!roleSent && (event instanceof StreamEvent.Delta || event instanceof StreamEvent.Reasoning)) {
                    text = frames.role() + text;
                    roleSent = true;
                }
                open(member);
                member.write(text);
                lastWrite = System.nanoTime();
            }
        }
    }

    private Outcome whole(MemberOutput member, Progress progress) throws IOException, InterruptedException {
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        while (true) {
            StreamEvent event = events.take();
            progress.note(event, stats);
            if (event instanceof StreamEvent.Delta delta) {
                content.append(delta.text());
            } else if (event instanceof StreamEvent.Reasoning r) {
                reasoning.append(r.text());
            } else if (event instanceof StreamEvent.Resumed resumed) {
                if (resumed.diverged()) {
                    // Nothing has been sent yet, so a restarted answer simply replaces the old one.
                    content.setLength(resumed.keptChars());
                }
            } else if (event instanceof StreamEvent.Done done) {
                member.begin(200, "application/json", 0);
                member.write(frames.completion(content.toString(), reasoning.toString(), done.finishReason(),
                        progress.usage == null ? null : progress.usage.tokens()));
                return progress.outcome(200, "done");
            } else if (event instanceof StreamEvent.Failed || event instanceof StreamEvent.GaveUp) {
                return failure(member, progress, event);
            } else if (event instanceof StreamEvent.Cancelled) {
                if (stopping) {
                    member.begin(503, "application/json", 0);
                    member.write(Frames.error("the relay is shutting down", "server_error", null));
                    return progress.outcome(503, "stopped");
                }
                return progress.outcome(499, "left");
            }
        }
    }

    /**
     * A failure before anything was sent gets a proper HTTP status, as upstream would have given;
     * after the stream began, an error event in the OpenAI shape, and the stream ends cleanly.
     */
    private Outcome failure(MemberOutput member, Progress progress, StreamEvent event) throws IOException {
        boolean gaveUp = event instanceof StreamEvent.GaveUp;
        FailureKind kind = event instanceof StreamEvent.Failed f ? f.kind() : FailureKind.UNAVAILABLE;
        String message = event instanceof StreamEvent.Failed f ? f.message()
                : "upstream failed " + ((StreamEvent.GaveUp) event).attempts() + " times: "
                        + ((StreamEvent.GaveUp) event).lastError();
        String type = kind == FailureKind.REJECTED ? "invalid_request_error" : "server_error";
        String told = kind == FailureKind.AUTH ? "the gateway refused the relay's own key: " + message : message;
        if (member.begun()) {
            member.write(Frames.errorEvent(told, type));
            return progress.outcome(200, gaveUp ? "gave_up" : "failed");
        }
        int status = switch (kind) {
            case REJECTED -> 400;
            case AUTH, PROTOCOL -> 502;
            case UNAVAILABLE -> gaveUp ? 503 : 502;
        };
        member.begin(status, "application/json", 0);
        member.write(Frames.error(told, type, null));
        return progress.outcome(status, gaveUp ? "gave_up" : "failed");
    }

    private void open(MemberOutput member) throws IOException {
        if (!member.begun()) {
            member.begin(200, "text/event-stream", 0);
        }
    }

    /** What the turn has reported so far. */
    private static final class Progress {
        StreamEvent.Usage usage;
        int retries;
        int resumes;

        /** Counts what the accounts and the stats keep, whatever the member is sent. */
        void note(StreamEvent event, RelayStats stats) {
            if (event instanceof StreamEvent.Usage u) {
                usage = u;
            } else if (event instanceof StreamEvent.Retrying) {
                retries++;
                stats.retries.incrementAndGet();
            } else if (event instanceof StreamEvent.Resumed) {
                resumes++;
                stats.resumes.incrementAndGet();
            }
        }

        Outcome outcome(int status, String how) {
            return new Outcome(status, how, usage == null ? null : usage.tokens(), usage == null ? null : usage.wasted(),
                    retries, resumes);
        }
    }
}
