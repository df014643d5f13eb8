package ai.holysheep.chat.rooms;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.stream.RetryPolicy;
import ai.holysheep.chat.stream.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.random.RandomGenerator;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A member in a room, staying there: one WebSocket at a time, opened again with backoff and
 * jitter whenever it drops, each time asking for everything after the last message held in a
 * final state, so nothing is missed and a streaming answer comes back whole.
 *
 * <p>A message said is kept until the relay echoes it (the echo is the proof it was posted) or
 * refuses it; every connection that reaches {@code live} sends again what is still kept, with the
 * same id, which the relay answers without posting twice. An echo that does not come within the
 * idle timeout counts as a dead link. Frames and state changes reach the listener one at a time,
 * in the order the relay sent them; replays included, so a listener replaces a message by seq.
 */
public final class RoomConnection implements AutoCloseable {

    /**
     * Told of every frame and every change of the link; never two calls at once. Called on
     * OkHttp's reader thread with the connection's lock held: hand the event on (to a queue, a
     * screen's thread), do not block.
     */
    public interface Listener {
        void frame(RoomFrame frame);

        void state(State state);
    }

    /** How the link is. */
    public sealed interface State {
        /** Replayed and live: {@code waiting} messages were sent again. */
        record Connected(int waiting) implements State {
        }

        /** The link dropped; attempt {@code attempt} of {@code max} after {@code delay}. */
        record Reconnecting(int attempt, int max, Duration delay, String reason) implements State {
        }

        /** Over for good: refused (a token, a room) or out of attempts; messages still kept are lost. */
        record Closed(RoomsException.Kind kind, String message) implements State {
        }
    }

    private final RoomsClient client;
    private final String room;
    private final RetrySettings retry;
    private final RetryPolicy policy;
    private final Scheduler scheduler;
    private final Listener listener;

    /** Said and not yet echoed, by id, in the order said. */
    private final Map<String, Said> unconfirmed = new LinkedHashMap<>();
    /** Answers seen streaming and not yet ended: they stay out of {@code after}. */
    private final TreeSet<Long> streaming = new TreeSet<>();
    private long highest;
    private WebSocket socket;
    /** Which socket is current: callbacks from an abandoned one are ignored. */
    private int generation;
    private boolean live;
    private boolean closed;
    private int attempt;
    private Scheduler.Pending pending;
    private Scheduler.Pending echoDue;

    /** @param after the last seq the caller already holds in a final state (0: the whole room) */
    public RoomConnection(RoomsClient client, String room, long after, RetrySettings retry, Scheduler scheduler,
                          RandomGenerator random, Listener listener) {
        RoomsClient.checkName(room);
        this.client = client;
        this.room = room;
        this.highest = after;
        this.retry = retry;
        this.policy = new RetryPolicy(retry, scheduler.clock(), random);
        this.scheduler = scheduler;
        this.listener = listener;
    }

    public synchronized void start() {
        connect();
    }

    /** A message as said: its text and the model chosen for {@code @ai} (null: the relay's default). */
    private record Said(String text, String model) {
    }

    /**
     * Says {@code text} in the room, now if connected, else on reconnecting; returns the message's
     * id. {@code model} goes with it, and with every resend: the model {@code @ai} asks, or null
     * for the relay's default.
     */
    public synchronized String say(String text, String model) {
        String id = UUID.randomUUID().toString();
        Said said = new Said(text, model);
        unconfirmed.put(id, said);
        if (live) {
            send(id, said);
            armEcho();
        }
        return id;
    }

    /**
     * Sends an already posted message again under its id, which the relay answers by echoing it
     * to this member alone, posting nothing. The relay sends a message's answer in the same breath
     * as the message, so that second echo marks a point in the room's frames: whatever the
     * message set off has arrived before it. Sent only while connected; call again on reconnect.
     */
    public synchronized void echoAgain(String id, String text, String model) {
        if (live) {
            send(id, new Said(text, model));
        }
    }

    /** Messages said and not yet known to be posted. */
    public synchronized int waiting() {
        return unconfirmed.size();
    }

    /** What a reconnect asks for: the last seq before which everything held is final. */
    public synchronized long after() {
        return streaming.isEmpty() ? highest : Math.min(highest, streaming.first() - 1);
    }

    private void connect() {
        if (closed) {
            return;
        }
        int mine = ++generation;
        live = false;
        socket = client.open(room, after(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                received(mine, text);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
                dropped(mine, "the relay closed the connection" + (reason.isEmpty() ? "" : ": " + reason));
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                failed(mine, t, response);
            }
        });
    }

    private synchronized void received(int from, String text) {
        if (from != generation || closed) {
            return;
        }
        List<RoomFrame> frames;
        try {
            frames = RoomFrame.parse(text);
        } catch (IOException e) {
            lost("the relay sent a frame that is not JSON");
            return;
        }
        frames.forEach(this::apply);
    }

    private void apply(RoomFrame frame) {
        if (frame instanceof RoomFrame.Posted p) {
            Message m = p.message();
            highest = Math.max(highest, m.seq());
            if (m.isFinal()) {
                streaming.remove(m.seq());
            } else {
                streaming.add(m.seq());
            }
            if (m.id() != null && unconfirmed.remove(m.id()) != null) {
                confirmed();
            }
        } else if (frame instanceof RoomFrame.End e) {
            streaming.remove(e.seq());
        } else if (frame instanceof RoomFrame.Refused r) {
            if (r.id() != null && unconfirmed.remove(r.id()) != null) {
                confirmed();
            }
        }
        listener.frame(frame);
        if (frame instanceof RoomFrame.Live) {
            live = true;
            attempt = 0;
            // Messages already posted came back in the replay and left the list above.
            unconfirmed.forEach(this::send);
            armEcho();
            listener.state(new State.Connected(unconfirmed.size()));
        }
    }

    private void send(String id, Said said) {
        var frame = Json.MAPPER.createObjectNode().put("type", "say").put("id", id).put("text", said.text());
        if (said.model() != null) {
            frame.put("model", said.model());
        }
        socket.send(frame.toString());
    }

    private void confirmed() {
        if (echoDue != null) {
            echoDue.cancel();
            echoDue = null;
        }
        armEcho();
    }

    /** Starts the wait for an echo, unless one is already running or nothing is waiting. */
    private void armEcho() {
        if (echoDue != null || unconfirmed.isEmpty() || !live) {
            return;
        }
        int mine = generation;
        Duration patience = retry.idleTimeout();
        echoDue = scheduler.schedule(patience, () -> echoOverdue(mine, patience));
    }

    private synchronized void echoOverdue(int from, Duration patience) {
        echoDue = null;
        if (from == generation && !unconfirmed.isEmpty() && !closed) {
            lost("no echo of a message within " + patience.toSeconds() + "s");
        }
    }

    private synchronized void failed(int from, Throwable t, Response response) {
        if (from != generation || closed) {
            return;
        }
        if (response != null && (response.code() == 401 || response.code() == 404)) {
            finish(client.refusal(room, response, t));
            return;
        }
        lost(response != null ? "the relay answered " + response.code() : RoomsClient.reason(t));
    }

    private synchronized void dropped(int from, String reason) {
        if (from == generation && !closed) {
            lost(reason);
        }
    }

    /** The current link is no good: let it go and try again later, or give up. */
    private void lost(String reason) {
        live = false;
        generation++;
        socket.cancel();
        if (echoDue != null) {
            echoDue.cancel();
            echoDue = null;
        }
        attempt++;
        if (attempt > retry.maxRetries()) {
            finish(new RoomsException(RoomsException.Kind.UNAVAILABLE, "lost the relay at " + client.url()
                    + " and gave up after " + retry.maxRetries() + " attempts: " + reason));
            return;
        }
        Duration delay = policy.backoff(attempt);
        listener.state(new State.Reconnecting(attempt, retry.maxRetries(), delay, reason));
        pending = scheduler.schedule(delay, this::reconnect);
    }

    private synchronized void reconnect() {
        pending = null;
        connect();
    }

    private void finish(RoomsException why) {
        closed = true;
        listener.state(new State.Closed(why.kind(), why.getMessage()));
        close();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel();
        }
        if (echoDue != null) {
            echoDue.cancel();
        }
        if (socket != null) {
            socket.close(1000, null);
        }
    }
}
