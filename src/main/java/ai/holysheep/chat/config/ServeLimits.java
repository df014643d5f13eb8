package ai.holysheep.chat.config;

import java.time.Duration;

/**
 * The {@code [serve]} table: where the team relay listens and what one member may ask of it.
 *
 * @param host              the address to bind; loopback unless the owner says otherwise
 * @param port              0 for any free port
 * @param keepalive         how long a member's stream may stay silent before the relay sends a
 *                          comment line, so that the member's own idle timeout does not fire
 * @param maxStreams        streams one member may have open at once
 * @param requestsPerMinute requests one member may start in any sixty seconds
 * @param maxBodyBytes      the largest request body accepted
 */
public record ServeLimits(String host, int port, Duration keepalive, int maxStreams, int requestsPerMinute,
                          long maxBodyBytes) {
    public static final ServeLimits DEFAULTS =
            new ServeLimits("127.0.0.1", 8080, Duration.ofSeconds(15), 4, 60, 4L * 1024 * 1024);

    public ServeLimits withAddress(String newHost, Integer newPort) {
        return new ServeLimits(newHost == null ? host : newHost, newPort == null ? port : newPort, keepalive,
                maxStreams, requestsPerMinute, maxBodyBytes);
    }

    public ServeLimits withKeepalive(Duration newKeepalive) {
        return new ServeLimits(host, port, newKeepalive, maxStreams, requestsPerMinute, maxBodyBytes);
    }
}
