package ai.holysheep.chat.serve;

import ai.holysheep.chat.store.TeamMember;
import ai.holysheep.chat.store.TeamStore;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * {@code /ws/rooms/NAME?after=SEQ}: the member's token is checked on the upgrade request itself,
 * so a connection that is open is a member's, and every message on it is that member's.
 */
final class RoomUpgrade implements WebSocketCreator {
    static final String PREFIX = "/ws/rooms/";

    private final TeamStore store;
    private final RoomHub hub;

    RoomUpgrade(TeamStore store, RoomHub hub) {
        this.store = store;
        this.hub = hub;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        Optional<TeamMember> member = RelayHandler.member(request.getHeaders().get(HttpHeader.AUTHORIZATION), store);
        if (member.isEmpty()) {
            return refuse(response, callback, 401, Frames.error("a valid member token is required (Authorization: Bearer …)",
                    "invalid_request_error", "invalid_api_key"));
        }
        String room = Request.getPathInContext(request).substring(PREFIX.length());
        if (!RoomHub.NAME.matcher(room).matches() || !hub.exists(room)) {
            return refuse(response, callback, 404, Frames.error("no such room: " + room, "invalid_request_error", null));
        }
        String after = Request.extractQueryParameters(request).getValue("after");
        long seq;
        try {
            seq = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            return refuse(response, callback, 400, Frames.error("'after' is a sequence number", "invalid_request_error", null));
        }
        // No permessage-deflate, though clients (OkHttp among them) offer it: it compresses each
        // frame once per member, so a room of 200 spent most of its time deflating the same small
        // JSON 200 times, and room frames are a few hundred bytes that barely compress.
        response.setExtensions(List.of());
        return new RoomSocket(hub, room, member.get().name(), seq);
    }

    private static Object refuse(ServerUpgradeResponse response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, json, callback);
        return null;
    }
}
