package ai.holysheep.chat.stream;

import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/** Scripted misbehaviour for mockwebserver3 responses. */
final class Faults {
    private Faults() {
    }

    /**
     * An event stream that sends exactly the first {@code bytes} bytes of {@code body} and then
     * loses the connection. mockwebserver3 cuts a body at half its declared length, so the part
     * to send is padded with as many bytes that are never sent.
     */
    static MockResponse dropAfter(String body, int bytes) {
        byte[] all = body.getBytes(StandardCharsets.UTF_8);
        int cut = Math.min(bytes, all.length);
        Buffer padded = new Buffer().write(all, 0, cut).write(new byte[cut]);
        return new MockResponse.Builder()
                .setHeader("Content-Type", "text/event-stream")
                .body(padded)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }

    /** An event stream that sends half its body and then goes silent until the server closes. */
    static MockResponse stallMidway(String body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", "text/event-stream")
                .body(body)
                .onResponseBody(SocketEffect.Stall.INSTANCE)
                .build();
    }

    static MockResponse status(int code, String message) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\"}}").build();
    }
}
