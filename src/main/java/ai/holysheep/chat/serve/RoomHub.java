package ai.holysheep.chat.serve;

import ai.holysheep.chat.store.RoomMessage;
import ai.holysheep.chat.store.RoomPost;
import ai.holysheep.chat.store.StoreException;
import ai.holysheep.chat.store.TeamStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The rooms: who is connected to each, and the one order of its messages. Members' messages are
 * numbered and saved by one writer, a burst in one transaction, and only then queued to every
 * member under the room's lock in that order, so the sequence numbers, the database and what each
 * member receives can never disagree; a member joining takes the same lock to replay what was
 * sent and start receiving live frames, so nothing falls between the two. The lock is held only
 * to queue frames ({@link Outbox}), never for a disk or a socket.
 */
final class RoomHub {
    static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
    static final int MAX_MESSAGE_BYTES = 32 * 1024;
    private static final int MAX_REPLAY = 100_000;
    /** At most this many messages are saved in one transaction. */
    private static final int MAX_BATCH = 500;

    /** Heartbeats: a ping every {@code ping}; a connection silent for {@code timeout} is closed. */
    record Heartbeat(Duration ping, Duration timeout) {
        static final Heartbeat DEFAULT = new Heartbeat(Duration.ofSeconds(20), Duration.ofSeconds(60));
    }

    private final TeamStore store;
    private final Upstream upstream;
    private final Map<String, Live> rooms = new ConcurrentHashMap<>();
    private final RateWindow messages;
    private final RateWindow asks;
    private final RoomModels models;
    private final Heartbeat heartbeat;
    private final ScheduledExecutorService pinger;
    private final ExecutorService sending;
    /** Saves members' messages: one thread, since the store has one connection anyway. */
    private final ExecutorService saver;
    private final RoomAnswers answers;

    RoomHub(TeamStore store, Upstream upstream, Clock clock, RelayStats stats, Heartbeat heartbeat) {
        this.store = store;
        this.upstream = upstream;
        this.heartbeat = heartbeat;
        this.messages = new RateWindow(10, Duration.ofSeconds(10), clock);
        this.asks = new RateWindow(10, Duration.ofMinutes(1), clock);
        this.models = new RoomModels(upstream, clock);
        // An answer a stopped server left streaming can never be finished now.
        store.interruptStreaming();
        this.pinger = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "room-heartbeat"));
        long every = heartbeat.ping().toMillis();
        pinger.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        this.answers = new RoomAnswers(store, upstream, stats);
        this.saver = Executors.newSingleThreadExecutor(r -> daemon(r, "room-save"));
        this.sending = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> daemon(r, "room-send"));
    }

    /** Where the members' outboxes are written out, off the rooms' locks. */
    Executor sending() {
        return sending;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A room's live state: its connections and the answers streaming in it. */
    private static final class Live implements RoomAnswers.Audience {
        final String name;
        final Object lock = new Object();
        /** What members said, waiting to be saved: one batch at a time per room. */
        final SerialDrain<Said> said;
        final Set<RoomSocket> sockets = new LinkedHashSet<>();
        final Map<Long, RoomMessage> streaming = new HashMap<>();
        /** The last message sent to the members; a later one may be saved but not yet sent. */
        long lastSeq;

        Live(String name, Executor saver, BiConsumer<Live, Queue<Said>> save) {
            this.name = name;
            this.said = new SerialDrain<>(saver, waiting -> save.accept(this, waiting));
        }

        @Override
        public int streamed(RoomMessage now, String delta) {
            synchronized (lock) {
                streaming.put(now.seq(), now);
                broadcast(this, delta);
                return sockets.size();
            }
        }

        @Override
        public void tell(String frame) {
            synchronized (lock) {
                broadcast(this, frame);
            }
        }

        @Override
        public void ended(long seq, String frame) {
            synchronized (lock) {
                streaming.remove(seq);
                broadcast(this, frame);
            }
        }
    }

    private Live live(String room) {
        return rooms.computeIfAbsent(room, name -> {
            Live l = new Live(name, saver, this::save);
            l.lastSeq = store.room(name).map(r -> r.lastSeq()).orElse(0L);
            return l;
        });
    }

    boolean exists(String room) {
        return store.room(room).isPresent();
    }

    /** Who is connected to {@code room}, by name. */
    List<String> present(String room) {
        Live l = live(room);
        synchronized (l.lock) {
            return presence(l);
        }
    }

    /**
     * Replays what the member missed, then lets it hear the room live. The bulk of a replay is
     * read and queued off the room's lock, since a member catching up on a long room would
     * otherwise hold up everything said meanwhile: a message already sent to the others and no
     * longer streaming is final, the same read now or later. Only the rest (an answer still
     * streaming and what came after it, or was sent meanwhile) is replayed under the lock, right
     * before the member joins the live frames, so that nothing falls between the two.
     */
    void join(RoomSocket socket, long after) {
        Live l = live(socket.room());
        long settled;
        synchronized (l.lock) {
            settled = l.streaming.isEmpty() ? l.lastSeq : Math.min(l.lastSeq, Collections.min(l.streaming.keySet()) - 1);
        }
        long replayed = Math.max(0, after);
        int budget = MAX_REPLAY;
        if (replayed < settled) {
            for (RoomMessage m : store.messages(socket.room(), replayed, MAX_REPLAY)) {
                if (m.seq() > settled) {
                    break;
                }
                socket.replay(RoomFrames.message(m));
                replayed = m.seq();
                budget--;
            }
        }
        synchronized (l.lock) {
            for (RoomMessage m : budget > 0 ? store.messages(socket.room(), replayed, budget) : List.<RoomMessage>of()) {
                if (m.seq() > l.lastSeq) {
                    // Saved but not sent yet: it comes live, after the replay, like everyone's copy.
                    break;
                }
                // A streaming answer's saved text may lag; the live copy is the one deltas follow.
                socket.replay(RoomFrames.message(l.streaming.getOrDefault(m.seq(), m)));
            }
            socket.replay(RoomFrames.live(l.lastSeq));
            l.sockets.add(socket);
            broadcast(l, RoomFrames.presence(presence(l)));
        }
    }

    void leave(RoomSocket socket) {
        Live l = live(socket.room());
        synchronized (l.lock) {
            if (l.sockets.remove(socket)) {
                broadcast(l, RoomFrames.presence(presence(l)));
            }
        }
    }

    /** @param chosen the model the sender picked for {@code @ai}, or null for the relay's default */
    void say(RoomSocket socket, String id, String text, String chosen) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            socket.send(RoomFrames.error(id, "a message may have up to " + MAX_MESSAGE_BYTES + " bytes"));
            return;
        }
        Optional<String> model = addressed(text);
        boolean asksChosen = chosen != null && isAi(text);
        // Looked up before the message is queued: it may wait for the gateway's list.
        String refusal = asksChosen ? models.refusal(chosen).orElse(null) : null;
        if (asksChosen) {
            model = Optional.of(chosen);
        }
        Live l = live(socket.room());
        if (!l.said.add(new Said(socket, id, text, model, refusal))) {
            socket.send(RoomFrames.error(id, "the server is shutting down; send it again once it is back"));
        }
    }

    /**
     * A member's message, waiting to be saved with whatever else was said meanwhile.
     *
     * @param modelRefusal why the model the sender picked for {@code @ai} cannot be asked, or null
     */
    private record Said(RoomSocket socket, String id, String text, Optional<String> model, String modelRefusal) {
    }

    /**
     * What becomes of one {@link Said}: sent back to its sender alone ({@code resent}, a resend
     * of a message the room has; {@code refusal}; or {@code echo}, a second copy in the same
     * batch), or posted at {@code at} in the batch, its answer right after it when
     * {@code answered}.
     */
    private record Plan(Said said, RoomMessage resent, String refusal, boolean echo, int at, boolean answered,
                        String askRefusal) {
    }

    /** Saves the next batch of what the room's members said, in one transaction. */
    private void save(Live l, Queue<Said> waiting) {
        List<Said> batch = new ArrayList<>();
        for (Said said = waiting.poll(); said != null; said = batch.size() < MAX_BATCH ? waiting.poll() : null) {
            batch.add(said);
        }
        if (!batch.isEmpty()) {
            post(l, batch);
        }
    }

    /**
     * The batch is numbered by the one transaction that saves it and only then sent, in that
     * order, under the room's lock: what a member is shown is always already saved, and a
     * member's message and the answer it asks for are always numbered one after the other.
     */
    private void post(Live l, List<Said> batch) {
        List<Plan> plans = new ArrayList<>();
        List<RoomPost> posts = new ArrayList<>();
        List<RoomMessage> posted;
        try {
            Map<String, RoomMessage> earlier = store.messagesWithClientIds(l.name,
                    batch.stream().map(Said::id).distinct().toList());
            Map<String, Integer> inBatch = new HashMap<>();
            for (Said said : batch) {
                plans.add(plan(said, earlier, inBatch, posts));
            }
            posted = store.postAll(l.name, posts);
        } catch (StoreException e) {
            for (Said said : batch) {
                said.socket().send(RoomFrames.error(said.id(), "the message could not be saved; send it again"));
            }
            return;
        }
        // Encoded before the lock is taken: the frames every member gets, in the order of their
        // numbers, joined into one text for all (docs/rooms.md), and those for one member alone.
        List<String> everyone = new ArrayList<>();
        List<Map.Entry<RoomSocket, String>> alone = new ArrayList<>();
        List<RoomMessage> started = new ArrayList<>();
        List<String> askedBy = new ArrayList<>();
        long last = 0;
        for (Plan p : plans) {
            RoomSocket socket = p.said().socket();
            if (p.resent() != null) {
                alone.add(Map.entry(socket, RoomFrames.message(p.resent())));
            } else if (p.refusal() != null) {
                alone.add(Map.entry(socket, RoomFrames.error(p.said().id(), p.refusal())));
            } else if (p.echo()) {
                alone.add(Map.entry(socket, RoomFrames.message(posted.get(p.at()))));
            } else {
                RoomMessage message = posted.get(p.at());
                last = message.seq();
                everyone.add(RoomFrames.message(message));
                if (p.answered()) {
                    RoomMessage answer = posted.get(p.at() + 1);
                    last = answer.seq();
                    everyone.add(RoomFrames.message(answer));
                    started.add(answer);
                    askedBy.add(socket.member());
                } else if (p.askRefusal() != null) {
                    alone.add(Map.entry(socket, RoomFrames.error(p.said().id(), p.askRefusal())));
                }
            }
        }
        List<Outbox.Text> shared = Outbox.joined(everyone);
        synchronized (l.lock) {
            if (last > 0) {
                l.lastSeq = last;
            }
            for (RoomMessage answer : started) {
                l.streaming.put(answer.seq(), answer);
            }
            for (Outbox.Text text : shared) {
                broadcast(l, text);
            }
            for (Map.Entry<RoomSocket, String> frame : alone) {
                frame.getKey().send(frame.getValue());
            }
        }
        for (int i = 0; i < started.size(); i++) {
            RoomMessage answer = started.get(i);
            String member = askedBy.get(i);
            answers.start(answer, member, l);
        }
    }

    private Plan plan(Said said, Map<String, RoomMessage> earlier, Map<String, Integer> inBatch, List<RoomPost> posts) {
        RoomMessage sent = earlier.get(said.id());
        if (sent != null) {
            // A resend after a reconnect: it is already in the room; tell only the sender.
            return new Plan(said, sent, null, false, -1, false, null);
        }
        Integer first = inBatch.get(said.id());
        if (first != null) {
            return new Plan(said, null, null, true, first, false, null);
        }
        if (said.modelRefusal() != null) {
            // Never a different model than the one asked for: the question is not posted.
            return new Plan(said, null, said.modelRefusal(), false, -1, false, null);
        }
        RoomSocket socket = said.socket();
        Optional<Duration> wait = messages.take(socket.member());
        if (wait.isPresent()) {
            return new Plan(said, null, "too many messages: a member may send 10 in 10 seconds (wait "
                    + Math.max(1, wait.get().toSeconds()) + "s)", false, -1, false, null);
        }
        int at = posts.size();
        inBatch.put(said.id(), at);
        posts.add(new RoomPost(said.id(), socket.member(), RoomMessage.MEMBER, said.text(), RoomMessage.COMPLETE));
        if (said.model().isEmpty()) {
            return new Plan(said, null, null, false, at, false, null);
        }
        if (asks.take(socket.member()).isPresent()) {
            return new Plan(said, null, null, false, at, false, "the model may be asked 10 times a minute by each member");
        }
        posts.add(new RoomPost(null, said.model().get(), RoomMessage.MODEL, "", RoomMessage.STREAMING));
        return new Plan(said, null, null, false, at, true, null);
    }

    /**
     * {@code @ai …} asks the relay's default model, {@code @MODEL …} that model (one it knows); a
     * {@code say} frame's model then takes the default's place ({@link #say}).
     */
    private Optional<String> addressed(String text) {
        String name = addressee(text);
        if (name == null) {
            return Optional.empty();
        }
        if (name.equals("ai")) {
            return Optional.of(upstream.defaultModel());
        }
        return upstream.models().contains(name) ? Optional.of(name) : Optional.empty();
    }

    private static boolean isAi(String text) {
        return "ai".equals(addressee(text));
    }

    /** The name after a leading {@code @}, up to the first space; null when the text starts otherwise. */
    private static String addressee(String text) {
        if (!text.startsWith("@")) {
            return null;
        }
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(1, end);
    }

    private void beat() {
        long now = System.nanoTime();
        for (Live l : rooms.values()) {
            List<RoomSocket> stale = new ArrayList<>();
            synchronized (l.lock) {
                for (RoomSocket s : List.copyOf(l.sockets)) {
                    if (now - s.lastHeard() > heartbeat.timeout().toNanos()) {
                        stale.add(s);
                    } else {
                        s.ping();
                    }
                }
            }
            for (RoomSocket s : stale) {
                s.close(1001, "no pong for " + heartbeat.timeout().toSeconds() + "s");
                leave(s);
            }
        }
    }

    private static List<String> presence(Live l) {
        Set<String> names = new TreeSet<>();
        for (RoomSocket s : List.copyOf(l.sockets)) {
            names.add(s.member());
        }
        return List.copyOf(names);
    }

    private static void broadcast(Live l, String frame) {
        broadcast(l, new Outbox.Text(frame.getBytes(StandardCharsets.UTF_8)));
    }

    private static void broadcast(Live l, Outbox.Text text) {
        for (RoomSocket s : l.sockets) {
            s.send(text);
        }
    }

    /** Ends every streaming answer (each is saved as cancelled) and stops the heartbeats. */
    void stop() {
        pinger.shutdownNow();
        // What members said before the stop is saved and sent (and may start answers) first.
        saver.shutdown();
        try {
            saver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answers.stop();
        for (Live l : rooms.values()) {
            synchronized (l.lock) {
                // A close's leave comes back on another thread, once Jetty has closed: walk a copy.
                List.copyOf(l.sockets).forEach(s -> s.close(1001, "the server is shutting down"));
            }
        }
        // The closes go out after what was queued before them; then nothing more is sent.
        sending.shutdown();
        try {
            sending.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
