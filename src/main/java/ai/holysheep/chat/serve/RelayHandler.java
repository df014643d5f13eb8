package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.GatewayException;
import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.store.RelayedRequest;
import ai.holysheep.chat.store.RoomMessage;
import ai.holysheep.chat.store.StoredRoom;
import ai.holysheep.chat.store.TeamMember;
import ai.holysheep.chat.store.TeamStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The relay's routes. Every one needs a member's token; the member's token stops here and the
 * relay's own key is added only by the upstream client, so neither crosses over.
 */
final class RelayHandler extends Handler.Abstract {
    private final Upstream upstream;
    private final ServeLimits limits;
    private final TeamStore store;
    private final Clock clock;
    private final Gate gate;
    private final RelayStats stats;
    private final IntSupplier openConnections;
    private final RoomHub rooms;
    private final Set<RelayedTurn> running = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    RelayHandler(Upstream upstream, ServeLimits limits, TeamStore store, Clock clock, RelayStats stats,
                 IntSupplier openConnections, RoomHub rooms) {
        this.rooms = rooms;
        this.upstream = upstream;
        this.limits = limits;
        this.store = store;
        this.clock = clock;
        this.gate = new Gate(limits.maxStreams(), limits.requestsPerMinute(), clock);
        this.stats = stats;
        this.openConnections = openConnections;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            route(request, response);
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        }
        return true;
    }

    private void route(Request request, Response response) throws IOException, InterruptedException {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        Optional<TeamMember> member = member(request.getHeaders().get(HttpHeader.AUTHORIZATION), store);
        if (member.isEmpty()) {
            // Before anything else, so a stranger learns nothing, not even which paths exist.
            reply(response, 401, Frames.error("a valid member token is required (Authorization: Bearer …);"
                    + " the relay's owner makes one with `holysheep-chat serve members add NAME`",
                    "invalid_request_error", "invalid_api_key"));
            return;
        }
        if (path.equals("/api/rooms") || path.startsWith("/api/rooms/")) {
            roomRoute(request, response, path.substring("/api/rooms".length()));
            return;
        }
        switch (path) {
            case "/v1/chat/completions" -> {
                if (allowed(method, "POST", response)) {
                    completions(request, response, member.get());
                }
            }
            case "/v1/models" -> {
                if (allowed(method, "GET", response)) {
                    models(response);
                }
            }
            case "/api/usage" -> {
                if (allowed(method, "GET", response)) {
                    usage(request, response, member.get());
                }
            }
            case "/api/stats" -> {
                if (allowed(method, "GET", response)) {
                    reply(response, 200, statsJson());
                }
            }
            default -> reply(response, 404, Frames.error("no such route: " + path, "invalid_request_error", null));
        }
    }

    /** The member whose token the {@code Authorization} header carries, if any. */
    static Optional<TeamMember> member(String header, TeamStore store) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : store.memberWithTokenHash(MemberTokens.hash(token));
    }

    private static boolean allowed(String method, String expected, Response response) throws IOException {
        if (method.equals(expected)) {
            return true;
        }
        response.getHeaders().put(HttpHeader.ALLOW, expected);
        reply(response, 405, Frames.error("use " + expected + " here", "invalid_request_error", null));
        return false;
    }

    private void completions(Request request, Response response, TeamMember member)
            throws IOException, InterruptedException {
        if (draining) {
            reply(response, 503, Frames.error("the relay is shutting down", "server_error", null));
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            reply(response, 413, Frames.error("the request body is over " + limits.maxBodyBytes() + " bytes",
                    "invalid_request_error", null));
            return;
        }
        RelayRequest relayed;
        try {
            relayed = RelayRequest.parse(body);
        } catch (RelayRequest.Invalid e) {
            reply(response, 400, Frames.error(e.getMessage(), "invalid_request_error", null));
            return;
        }
        Gate.Admission admission = gate.admit(member.name());
        if (admission instanceof Gate.Refused refused) {
            long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
            reply(response, 429, Frames.error(refused.message(), "rate_limit_error", "rate_limit_exceeded"));
            return;
        }
        Gate.Admitted admitted = (Gate.Admitted) admission;
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        String model = relayed.upstream().model();
        RelayedTurn turn = new RelayedTurn(upstream.client(), relayed, upstream.retry(), limits.keepalive(), stats,
                new Frames("chatcmpl-" + UUID.randomUUID().toString().replace("-", ""), started.getEpochSecond(), model));
        running.add(turn);
        stats.requests.incrementAndGet();
        stats.activeStreams.incrementAndGet();
        // The member hanging up shows as a failure of its request: upstream is cancelled at
        // once rather than at the next write.
        request.addFailureListener(failure -> turn.cancel());
        RelayedTurn.Outcome outcome;
        try {
            outcome = turn.run(new JettyOutput(response, stats));
        } finally {
            stats.activeStreams.decrementAndGet();
            running.remove(turn);
            admitted.release();
        }
        account(member, model, started, startNanos, outcome);
    }

    /** The body, or null when it is over the limit (checked before reading when the length is sent). */
    private byte[] readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > limits.maxBodyBytes()) {
            return null;
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodyBytes() + 1));
            return read.length > limits.maxBodyBytes() ? null : read;
        }
    }

    private void account(TeamMember member, String model, Instant started, long startNanos, RelayedTurn.Outcome o) {
        TokenUsage tokens = o.tokens() == null ? new TokenUsage(0, 0, 0) : o.tokens();
        TokenUsage wasted = o.wasted() == null ? new TokenUsage(0, 0, 0) : o.wasted();
        double cost = upstream.cost(model, tokens, wasted);
        store.record(new RelayedRequest(member.name(), model, started, o.status(), o.outcome(),
                tokens.promptTokens(), tokens.completionTokens(), wasted.totalTokens(), cost,
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), o.retries(), o.resumes()));
    }

    private void models(Response response) throws IOException {
        List<String> ids;
        try {
            ids = upstream.client().models();
        } catch (GatewayException e) {
            reply(response, 502, Frames.error("cannot list upstream models: " + e.getMessage(), "server_error", null));
            return;
        }
        reply(response, 200, Frames.json(g -> {
            g.writeStringField("object", "list");
            g.writeArrayFieldStart("data");
            for (String id : ids) {
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeStringField("object", "model");
                g.writeEndObject();
            }
            g.writeEndArray();
        }));
    }

    private void usage(Request request, Response response, TeamMember member) throws IOException {
        Fields query = Request.extractQueryParameters(request);
        UsageReport report;
        try {
            report = UsageReport.of(store, query.getValue("since"), query.getValue("by"),
                    member.admin() ? null : member.name(), clock);
        } catch (IllegalArgumentException e) {
            reply(response, 400, Frames.error(e.getMessage(), "invalid_request_error", null));
            return;
        }
        reply(response, 200, report.json());
    }

    /** {@code /api/rooms}, {@code /api/rooms/NAME} and {@code /api/rooms/NAME/messages}. */
    private void roomRoute(Request request, Response response, String rest) throws IOException {
        String method = request.getMethod();
        if (rest.isEmpty() || rest.equals("/")) {
            if (method.equals("POST")) {
                createRoom(request, response);
            } else if (allowed(method, "GET", response)) {
                reply(response, 200, Frames.json(g -> {
                    g.writeArrayFieldStart("data");
                    for (StoredRoom r : store.rooms()) {
                        g.writeStartObject();
                        roomFields(g, r);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }));
            }
            return;
        }
        String[] parts = rest.substring(1).split("/", -1);
        Optional<StoredRoom> room = RoomHub.NAME.matcher(parts[0]).matches() ? store.room(parts[0]) : Optional.empty();
        if (room.isEmpty() || parts.length > 2 || (parts.length == 2 && !parts[1].equals("messages"))) {
            reply(response, 404, Frames.error("no such room: " + parts[0], "invalid_request_error", null));
            return;
        }
        if (!allowed(method, "GET", response)) {
            return;
        }
        if (parts.length == 1) {
            List<String> present = rooms.present(room.get().name());
            reply(response, 200, Frames.json(g -> {
                roomFields(g, room.get());
                g.writeArrayFieldStart("present");
                for (String m : present) {
                    g.writeString(m);
                }
                g.writeEndArray();
            }));
            return;
        }
        Fields query = Request.extractQueryParameters(request);
        long after;
        int limit;
        try {
            after = Long.parseLong(Optional.ofNullable(query.getValue("after")).orElse("0"));
            limit = Integer.parseInt(Optional.ofNullable(query.getValue("limit")).orElse("100"));
        } catch (NumberFormatException e) {
            reply(response, 400, Frames.error("'after' and 'limit' are whole numbers", "invalid_request_error", null));
            return;
        }
        if (after < 0 || limit < 1 || limit > 1000) {
            reply(response, 400, Frames.error("'after' is at least 0 and 'limit' from 1 to 1000",
                    "invalid_request_error", null));
            return;
        }
        List<RoomMessage> messages = store.messages(room.get().name(), after, limit);
        reply(response, 200, Frames.json(g -> {
            g.writeArrayFieldStart("data");
            for (RoomMessage m : messages) {
                g.writeStartObject();
                RoomFrames.fields(g, m);
                g.writeEndObject();
            }
            g.writeEndArray();
        }));
    }

    private void createRoom(Request request, Response response) throws IOException {
        byte[] body = readBody(request);
        String name = null;
        if (body != null) {
            try {
                com.fasterxml.jackson.databind.JsonNode node = ai.holysheep.chat.api.Json.MAPPER.readTree(body);
                name = node == null ? null : node.path("name").asText(null);
            } catch (IOException e) {
                name = null;
            }
        }
        if (name == null || !RoomHub.NAME.matcher(name).matches()) {
            reply(response, 400, Frames.error("a room needs a \"name\" of 1 to 40 characters from a-z, 0-9 and -",
                    "invalid_request_error", null));
            return;
        }
        if (!store.createRoom(name)) {
            reply(response, 409, Frames.error("room '" + name + "' already exists", "invalid_request_error", null));
            return;
        }
        StoredRoom created = store.room(name).orElseThrow();
        reply(response, 201, Frames.json(g -> roomFields(g, created)));
    }

    private static void roomFields(com.fasterxml.jackson.core.JsonGenerator g, StoredRoom r) throws IOException {
        g.writeStringField("name", r.name());
        g.writeStringField("created", r.created().toString());
        g.writeNumberField("last_seq", r.lastSeq());
    }

    private String statsJson() {
        RelayStats.Snapshot s = stats.snapshot(openConnections.getAsInt());
        return Frames.json(g -> {
            g.writeNumberField("open_connections", s.connections());
            g.writeNumberField("active_streams", s.activeStreams());
            g.writeNumberField("requests", s.requests());
            g.writeNumberField("chunks_relayed", s.chunks());
            g.writeNumberField("bytes_relayed", s.bytes());
            g.writeNumberField("upstream_retries", s.retries());
            g.writeNumberField("resumes", s.resumes());
        });
    }

    /** Stops taking new answers; those running go on until {@link #stopRunning}. */
    void drain() {
        draining = true;
    }

    int running() {
        return running.size();
    }

    /** Ends every running answer with an error event. */
    void stopRunning() {
        running.forEach(RelayedTurn::stop);
    }

    private static void reply(Response response, int status, String json) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
    }
}
