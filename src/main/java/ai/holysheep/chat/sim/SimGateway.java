package ai.holysheep.chat.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible gateway on a loopback port that answers every prompt with the same kind of
 * canned, clearly labelled demo text, and can misbehave on purpose (see {@link FaultPlan}). It
 * serves the offline demo when no API key is set, hermetic tests of the client's retry and resume
 * logic, and benchmarks; it is a real HTTP server so the client's real network path is exercised.
 *
 * <p>Routes: {@code GET /v1/models} and {@code POST /v1/chat/completions} (streaming or not);
 * anything else is a 404 with a JSON error. All its threads are daemons; {@link #close()} ends
 * every response at once, stalled ones included.
 */
public final class SimGateway implements AutoCloseable {
    /** The model id that names the simulator itself. */
    public static final String SIM_MODEL = "holysheep-sim";
    /** The models {@code GET /v1/models} lists, as id and owner. */
    public static final List<List<String>> MODELS = List.of(
        List.of("gpt-4.1", "openai"),
        List.of("claude-sonnet-4.5", "anthropic"),
        List.of("gemini-2.5-flash", "google"),
        List.of("deepseek-v3.2", "deepseek"),
        List.of(SIM_MODEL, "holysheep"));

    /**
     * The context window {@code /models} states for {@link #SIM_MODEL}, as OpenRouter's
     * {@code context_length} does: small, so a long conversation meets it.
     */
    public static final long SIM_CONTEXT_WINDOW = 8_192;
    /** The JDK HTTP server's switch for TCP_NODELAY on the connections it accepts. */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private static final String MODELS_PATH = "/v1/models";
    private static final String COMPLETIONS_PATH = "/v1/chat/completions";

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CompletionsEndpoint completions;

    private SimGateway(HttpServer server, ExecutorService executor, SimOptions options) {
        this.server = server;
        this.executor = executor;
        this.completions = new CompletionsEndpoint(options, closing);
    }

    /** Starts listening on 127.0.0.1 (the port from {@code options}, 0 for any free one). */
    public static SimGateway start(SimOptions options) throws IOException {
        // The JDK server leaves Nagle's algorithm on unless told otherwise, once, before its first
        // server: a client on a kept-alive connection (the relay's pool) then waits out its own
        // delayed ACK (40 ms on Linux) for each small chunk, which no real gateway makes it do.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sim-gateway-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        SimGateway gateway = new SimGateway(server, executor, options);
        server.createContext("/", gateway::route);
        server.setExecutor(executor);
        // The JDK server's dispatcher thread inherits daemon status from the thread that starts it,
        // so start it from a daemon: a gateway nobody closed must not keep the JVM alive.
        Thread starter = new Thread(server::start, "sim-gateway-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gateway.close();
            throw new InterruptedIOException("interrupted while starting the simulated gateway");
        }
        return gateway;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What a client uses as its base URL, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** How many chat-completion requests have arrived (the numbering fault schedules use). */
    public long requestCount() {
        return completions.requestCount();
    }

    /** Every chat-completion request received so far, in arrival order. */
    public List<ReceivedRequest> requests() {
        return completions.requests();
    }

    /** Stops listening and ends every open response at once, stalled ones included. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Exceptions leave without closing the exchange on purpose: closing would end a chunked body
     * cleanly, while an exception makes the JDK server drop the connection, which is what a
     * simulated drop or a client that went away needs.
     */
    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(MODELS_PATH)) {
            if (method.equals("GET")) {
                Responses.send(exchange, 200, "application/json", WireFormat.bytes(modelList()));
            } else {
                Responses.methodNotAllowed(exchange, "GET");
            }
        } else if (path.equals(COMPLETIONS_PATH)) {
            if (method.equals("POST")) {
                completions.handle(exchange);
            } else {
                Responses.methodNotAllowed(exchange, "POST");
            }
        } else {
            exchange.getRequestBody().readAllBytes();
            Responses.jsonError(exchange, 404, "Unknown request URL: " + method + " " + path
                + ". The simulated gateway serves " + MODELS_PATH + " and " + COMPLETIONS_PATH + ".",
                "invalid_request_error");
        }
        exchange.close();
    }

    private static ObjectNode modelList() {
        ObjectNode root = WireFormat.JSON.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (List<String> model : MODELS) {
            ObjectNode entry = data.addObject()
                .put("id", model.get(0)).put("object", "model").put("created", 0).put("owned_by", model.get(1));
            if (model.get(0).equals(SIM_MODEL)) {
                entry.put("context_length", SIM_CONTEXT_WINDOW);
            }
        }
        return root;
    }

    /** Small helpers for whole (non-streamed) responses. */
    static final class Responses {
        private Responses() {
        }

        static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        static void jsonError(HttpExchange exchange, int status, String message, String type) throws IOException {
            send(exchange, status, "application/json", WireFormat.bytes(WireFormat.error(message, type)));
        }

        static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Allow", allowed);
            jsonError(exchange, 405, "Method " + exchange.getRequestMethod() + " is not allowed here; use " + allowed + ".",
                "invalid_request_error");
        }

        static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
