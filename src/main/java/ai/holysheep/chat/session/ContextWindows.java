package ai.holysheep.chat.session;

import ai.holysheep.chat.api.GatewayException;
import ai.holysheep.chat.api.ModelInfo;
import ai.holysheep.chat.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How many tokens each model's context holds: what the gateway's {@code /models} says, else the
 * config's {@code [context_windows]}, else the built-in figures ({@link Settings#contextWindow}).
 *
 * <p>The gateway is asked at most once, and only for a prompt over {@link #ASK_ABOVE} tokens:
 * any chat model takes less than that with room for a reply, so short questions (nearly all of
 * them) cost no extra round trip. A gateway that cannot list its models counts as saying nothing.
 * A catalog that answers with an empty list is asked again next time.
 */
public final class ContextWindows {
    static final long ASK_ABOVE = 2_048;

    /** A gateway's model list. */
    public interface Catalog {
        List<ModelInfo> models() throws GatewayException;
    }

    private final Settings settings;
    private final Catalog catalog;
    private Map<String, Long> stated;

    ContextWindows(Settings settings, Catalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
    }

    /** The window of {@code model} for a prompt of about {@code promptTokens}; empty when unknown. */
    synchronized OptionalLong of(String model, long promptTokens) {
        if (catalog != null && promptTokens > ASK_ABOVE) {
            Long window = stated().get(model);
            if (window != null) {
                return OptionalLong.of(window);
            }
        }
        return settings.contextWindow(model);
    }

    /** An empty list is asked for again next time: a catalog still being fetched gives one. */
    private Map<String, Long> stated() {
        if (stated != null) {
            return stated;
        }
        Map<String, Long> windows = new HashMap<>();
        try {
            List<ModelInfo> models = catalog.models();
            for (ModelInfo m : models) {
                m.contextWindow().ifPresent(w -> windows.put(m.id(), w));
            }
            if (!models.isEmpty()) {
                stated = windows;
            }
        } catch (GatewayException e) {
            // The request itself will say what is wrong with the gateway, if anything is.
            stated = windows;
        }
        return windows;
    }
}
