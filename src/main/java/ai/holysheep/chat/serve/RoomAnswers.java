package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.store.RelayedRequest;
import ai.holysheep.chat.store.RoomMessage;
import ai.holysheep.chat.store.TeamStore;
import ai.holysheep.chat.stream.EventChannel;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The model's answers in the rooms: each asked on a thread of its own with the room's recent
 * messages, through the relay's retry and resume, streamed to the room's members in joined
 * deltas and saved as it streams, then accounted to the member who asked.
 */
final class RoomAnswers {
    /** How many recent messages the model is given as the room's conversation. */
    private static final int CONTEXT_MESSAGES = 40;
    /** A streaming answer is saved at most this often, and at its end. */
    private static final long SAVE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** A streaming answer's deltas go to the members at most this often, those between joined ({@link #deltaEvery}). */
    private static final Duration DELTAS_AT_MOST = Duration.ofMillis(20);
    /** … and at least this often, however large the room. */
    private static final Duration DELTAS_AT_LEAST = Duration.ofMillis(100);

    /**
     * The room an answer streams into. Each call is one step under the room's lock, so that the
     * members' frames, the live copy a joining member is replayed, and the order of both agree.
     */
    interface Audience {
        /**
         * The answer as it now stands, for whoever joins next, and the delta that made it so,
         * for every member.
         *
         * @return how many connections the room has
         */
        int streamed(RoomMessage now, String delta);

        /** A frame about the answer (a retry) for every member. */
        void tell(String frame);

        /** The answer's last frame: after it, a joining member is replayed the saved copy. */
        void ended(long seq, String frame);
    }

    private final TeamStore store;
    private final Upstream upstream;
    private final RelayStats stats;
    private final ExecutorService answering = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "room-answer");
        t.setDaemon(true);
        return t;
    });
    private final Set<Turn> turns = ConcurrentHashMap.newKeySet();

    RoomAnswers(TeamStore store, Upstream upstream, RelayStats stats) {
        this.store = store;
        this.upstream = upstream;
        this.stats = stats;
    }

    /** Asks for {@code answer} (posted, empty and streaming) on a thread of its own. */
    void start(RoomMessage answer, String askedBy, Audience room) {
        answering.execute(() -> stream(answer, askedBy, room));
    }

    /** The model's answer, streamed to every member and saved as it streams. */
    private void stream(RoomMessage message, String askedBy, Audience room) {
        ChatRequest request = new ChatRequest(message.author(), context(message), null, null);
        EventChannel events = new EventChannel();
        Turn turn = new Turn(upstream.client(), request, events, upstream.retry());
        turns.add(turn);
        long started = System.nanoTime();
        StringBuilder text = new StringBuilder();
        long lastSave = System.nanoTime();
        StreamEvent.Usage usage = null;
        int retries = 0;
        int resumes = 0;
        String status;
        String error = null;
        turn.start();
        try {
            StreamEvent after = null;
            long every = deltaEvery(0).toNanos();
            long lastDelta = System.nanoTime() - every;
            while (true) {
                StreamEvent e = after != null ? after : events.take();
                after = null;
                if (e instanceof StreamEvent.Delta d) {
                    // What streams in within `every` of the last delta sent goes out as one: each
                    // delta is a frame to every member, and a fast model's 200 a second to a room
                    // of 200 would be 40 000 frames a second.
                    StringBuilder chunk = new StringBuilder(d.text());
                    int chunks = 1;
                    long until = lastDelta + every;
                    for (StreamEvent next = events.poll(Math.max(0, until - System.nanoTime())); next != null;
                         next = events.poll(Math.max(0, until - System.nanoTime()))) {
                        if (!(next instanceof StreamEvent.Delta more)) {
                            after = next;
                            break;
                        }
                        chunk.append(more.text());
                        chunks++;
                    }
                    lastDelta = System.nanoTime();
                    text.append(chunk);
                    RoomMessage now = message.withText(text.toString(), RoomMessage.STREAMING);
                    every = deltaEvery(room.streamed(now, RoomFrames.delta(message.seq(), chunk.toString()))).toNanos();
                    // Off the room's lock: a joining member is replayed the live copy, not the saved one.
                    if (System.nanoTime() - lastSave > SAVE_EVERY_NANOS) {
                        store.update(now);
                        lastSave = System.nanoTime();
                    }
                    stats.chunks.addAndGet(chunks);
                } else if (e instanceof StreamEvent.Usage u) {
                    usage = u;
                } else if (e instanceof StreamEvent.Retrying r) {
                    retries++;
                    stats.retries.incrementAndGet();
                    room.tell(RoomFrames.retry(message.seq(), r.attempt(), r.max(), r.delay().toMillis(), r.reason()));
                } else if (e instanceof StreamEvent.Resumed r) {
                    resumes++;
                    stats.resumes.incrementAndGet();
                    if (r.diverged()) {
                        turn.cancel();
                        status = RoomMessage.FAILED;
                        error = "the model broke off and answered differently when asked again";
                        break;
                    }
                } else if (e instanceof StreamEvent.Done) {
                    status = RoomMessage.COMPLETE;
                    break;
                } else if (e instanceof StreamEvent.Failed f) {
                    status = RoomMessage.FAILED;
                    error = f.message();
                    break;
                } else if (e instanceof StreamEvent.GaveUp g) {
                    status = RoomMessage.FAILED;
                    error = "gave up after " + g.attempts() + " attempts: " + g.lastError();
                    break;
                } else if (e instanceof StreamEvent.Cancelled) {
                    status = "cancelled";
                    error = "the server is shutting down";
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            turn.cancel();
            status = "cancelled";
        } finally {
            turns.remove(turn);
        }
        // Accounted before the end is announced: a member who sees the end can ask for the usage.
        TokenUsage tokens = usage == null ? new TokenUsage(0, 0, 0) : usage.tokens();
        TokenUsage wasted = usage == null ? new TokenUsage(0, 0, 0) : usage.wasted();
        double cost = upstream.cost(message.author(), tokens, wasted);
        store.record(new RelayedRequest(askedBy, message.author(), Instant.now(), 200,
                status.equals(RoomMessage.COMPLETE) ? "done" : status, tokens.promptTokens(), tokens.completionTokens(),
                wasted.totalTokens(), cost, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), retries, resumes));
        // Saved before the end is sent, off the lock: until the end goes out, a member joining
        // is replayed the live copy, which the end then closes like everyone's.
        store.update(message.withText(text.toString(), status));
        room.ended(message.seq(), RoomFrames.end(message.seq(), status, error));
    }

    /**
     * How long a streaming answer's deltas are joined in a room of {@code members}: 20 ms for up
     * to 40, then half a millisecond a member, to 100 ms from 200. Every delta is a WebSocket
     * message to each member, and the sender pays for each (on loopback, waking the reader too);
     * this way an answer costs a large room at most about 2,000 a second, and the members' own
     * messages, which go out with the deltas, do not wait behind them. Ten updates a second
     * still reads as a stream; at a quarter of a millisecond a member (20 a second in a room of
     * 200) the answer's writes took twice the relay's time and its fan-out p99 rose by half.
     */
    static Duration deltaEvery(int members) {
        Duration grown = Duration.ofNanos(members * 500_000L);
        return grown.compareTo(DELTAS_AT_MOST) < 0 ? DELTAS_AT_MOST
                : grown.compareTo(DELTAS_AT_LEAST) > 0 ? DELTAS_AT_LEAST : grown;
    }

    /** The room's recent messages, authors named, as the conversation the model continues. */
    private List<ChatMessage> context(RoomMessage answer) {
        List<ChatMessage> out = new ArrayList<>();
        out.add(ChatMessage.system("You are " + answer.author() + ", a member of the team chat room '" + answer.room()
                + "'. Each member's message starts with their name and a colon. Answer the latest message"
                + " that addresses you; be concise."));
        for (RoomMessage m : store.recent(answer.room(), CONTEXT_MESSAGES + 1)) {
            if (m.seq() >= answer.seq() || m.text().isEmpty()) {
                continue;
            }
            out.add(m.role().equals(RoomMessage.MODEL) ? ChatMessage.assistant(m.text())
                    : ChatMessage.user(m.author() + ": " + m.text()));
        }
        return out;
    }

    /** Ends every streaming answer, each saved as cancelled, and waits for them to finish. */
    void stop() {
        turns.forEach(Turn::cancel);
        answering.shutdown();
        try {
            answering.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
