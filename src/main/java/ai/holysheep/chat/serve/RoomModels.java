package ai.holysheep.chat.serve;

import ai.holysheep.chat.api.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a room may ask the model a {@code say} frame names: the relay's default and configured
 * models, and every model the gateway lists, which is what {@code GET /v1/models} shows a member
 * choosing one. The gateway's list is asked for only when a frame names a model outside the
 * configured ones, and kept a minute, so a chosen model does not cost a round trip per question.
 */
final class RoomModels {
    private static final Duration FRESH = Duration.ofMinutes(1);

    private final Upstream upstream;
    private final Clock clock;
    private List<String> listed;
    private Instant listedAt = Instant.MIN;

    RoomModels(Upstream upstream, Clock clock) {
        this.upstream = upstream;
        this.clock = clock;
    }

    /** Why {@code model} cannot be asked; empty when it can. Called off the room's lock: it may wait for the gateway. */
    Optional<String> refusal(String model) {
        if (model.equals(upstream.defaultModel()) || upstream.models().contains(model)) {
            return Optional.empty();
        }
        List<String> known;
        try {
            known = listed();
        } catch (GatewayException e) {
            return Optional.of("cannot tell whether the relay has model '" + model + "': cannot list upstream models: "
                    + e.getMessage());
        }
        return known.contains(model) ? Optional.empty()
                : Optional.of("the relay has no model '" + model + "' (GET /v1/models lists the ones it has)");
    }

    private synchronized List<String> listed() throws GatewayException {
        Instant now = clock.instant();
        if (listed == null || now.isAfter(listedAt.plus(FRESH))) {
            listed = upstream.client().models();
            listedAt = now;
        }
        return listed;
    }
}
