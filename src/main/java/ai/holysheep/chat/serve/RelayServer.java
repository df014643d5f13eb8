package ai.holysheep.chat.serve;

import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.store.TeamStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * {@code holysheep-chat serve}: an OpenAI-compatible HTTP server that holds the gateway key for a
 * team and relays each member's answer, kept whole across upstream failures.
 *
 * <p>One thread a running request: a relayed answer mostly waits on upstream, and a blocking
 * loop that owns its response is the plainest way to keep every write in order. The pool is
 * sized for a team (several hundred streams), not for the open internet.
 */
public final class RelayServer implements AutoCloseable {
    /** Threads enough for every member's streams plus Jetty's own acceptor and selector. */
    private static final int MAX_THREADS = 600;
    /** After the grace period, how long stopped streams get to write their error event. */
    private static final Duration LAST_WORDS = Duration.ofSeconds(2);

    private final Server server;
    private final ServerConnector connector;
    private final RelayHandler handler;
    private final RoomHub rooms;
    private final TeamStore store;
    private final ScheduledExecutorService ticker;
    private boolean stopped;

    private RelayServer(Server server, ServerConnector connector, RelayHandler handler, RoomHub rooms,
                        TeamStore store, ScheduledExecutorService ticker) {
        this.rooms = rooms;
        this.server = server;
        this.connector = connector;
        this.handler = handler;
        this.store = store;
        this.ticker = ticker;
    }

    /**
     * Listens on {@code limits.host():limits.port()} and serves until {@link #shutdown}.
     *
     * @param statsLine receives one line of counters a minute (the server's stderr)
     * @throws IOException when the address cannot be bound
     */
    public static RelayServer start(Upstream upstream, ServeLimits limits, TeamStore store, Clock clock,
                                    Consumer<String> statsLine) throws IOException {
        return start(upstream, limits, store, clock, statsLine, RoomHub.Heartbeat.DEFAULT, Duration.ofMinutes(1));
    }

    /** With the heartbeat and the stats line's pace given, for tests that cannot wait minutes. */
    static RelayServer start(Upstream upstream, ServeLimits limits, TeamStore store, Clock clock,
                             Consumer<String> statsLine, RoomHub.Heartbeat heartbeat, Duration statsEvery)
            throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("relay");
        threads.setDaemon(true);
        Server server = new Server(threads);
        // No acceptor thread: the one selector accepts each connection itself, one hand-off
        // between threads fewer before a member's first token (about 0.1 ms of the 1.3 ms the
        // relay adds, measured with curl on fresh connections).
        ServerConnector connector = new ServerConnector(server, 0, 1);
        connector.setHost(limits.host());
        connector.setPort(limits.port());
        server.addConnector(connector);
        RelayStats stats = new RelayStats();
        RoomHub rooms = new RoomHub(store, upstream, clock, stats, heartbeat);
        RelayHandler handler = new RelayHandler(upstream, limits, store, clock, stats,
                () -> connector.getConnectedEndPoints().size(), rooms);
        WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(server, container -> {
            container.addMapping(RoomUpgrade.PREFIX + "*", new RoomUpgrade(store, rooms));
            // Frames carry one message (32 KiB of text at most) in JSON; the heartbeat, not an
            // idle timer, decides when a quiet connection is gone.
            container.setMaxTextMessageSize(4L * RoomHub.MAX_MESSAGE_BYTES);
            container.setIdleTimeout(heartbeat.timeout().multipliedBy(2));
        });
        sockets.setHandler(handler);
        server.setHandler(sockets);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException(e.getMessage(), e);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relay-stats");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> statsLine.accept(stats.snapshot(
                connector.getConnectedEndPoints().size()).line()), statsEvery.toMillis(), statsEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return new RelayServer(server, connector, handler, rooms, store, ticker);
    }

    /** The base URL members use, with the version path: {@code http://127.0.0.1:8080/v1}. */
    public String baseUrl() {
        String host = connector.getHost();
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + connector.getLocalPort() + "/v1";
    }

    /**
     * Stops accepting, lets running answers finish for up to {@code grace}, then ends the rest
     * with an error event, and closes the database once nothing writes to it.
     */
    public synchronized void shutdown(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        ticker.shutdownNow();
        handler.drain();
        // Stops accepting; the future it returns waits for idle keep-alive connections to go,
        // which members' clients may hold open for minutes, so it is not waited for.
        connector.shutdown();
        connector.close();
        waitForRunning(grace);
        if (handler.running() > 0) {
            handler.stopRunning();
            waitForRunning(LAST_WORDS);
        }
        rooms.stop();
        stopQuietly(server);
        store.close();
    }

    private void waitForRunning(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (handler.running() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is the last step; nothing is left that could use the server.
        }
    }
}
