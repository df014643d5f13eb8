package ai.holysheep.chat.api;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Jackson's streaming core alone. The per-token path (chunk parsing) and request writing use only
 * this, so a streamed answer never pays for initialising databind (hundreds of classes, a large
 * share of a one-shot's start-up); {@link Json#MAPPER} is loaded only for error bodies and
 * whole-completion answers. Thread-safe once built.
 */
public final class JsonCore {
    public static final JsonFactory FACTORY = new JsonFactory();

    private JsonCore() {
    }
}
