package ai.holysheep.chat.tui;

import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.session.ChatSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The model switcher's window (F2, /model) and where its choices come from: the gateway's list,
 * fetched once in the background, then the configured models, then the current one.
 */
final class ModelSwitcher {
    private final ChatSession session;
    private final Settings settings;
    private final Backend backend;
    private final Executor background;
    private final Consumer<UiEvent> post;
    /** The open window, or null. */
    ModelPicker picker;
    private List<String> listedModels;

    ModelSwitcher(ChatSession session, Settings settings, Backend backend, Executor background, Consumer<UiEvent> post) {
        this.session = session;
        this.settings = settings;
        this.backend = backend;
        this.background = background;
        this.post = post;
    }

    void open() {
        picker = new ModelPicker(session.model(), choices());
        if (listedModels != null) {
            picker.loaded("");
        } else {
            background.execute(() -> {
                try {
                    post.accept(new UiEvent.ModelsListed(List.copyOf(backend.models())));
                } catch (Exception e) {
                    post.accept(new UiEvent.ModelsUnavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
            });
        }
    }

    void close() {
        picker = null;
    }

    /** Handles the model list's events; false for any other event. */
    boolean handle(UiEvent e) {
        if (e instanceof UiEvent.ModelsListed m) {
            listedModels = m.ids();
            if (picker != null) {
                picker.setChoices(choices());
                picker.loaded("");
            }
        } else if (e instanceof UiEvent.ModelsUnavailable u) {
            if (picker != null) {
                picker.loaded("(gateway list unavailable: " + u.reason() + ")");
            }
        } else {
            return false;
        }
        return true;
    }

    /** The gateway's models, then configured ones it did not list, then the current model if missing. */
    private List<ModelChoice> choices() {
        Set<String> ids = new LinkedHashSet<>();
        if (listedModels != null) {
            ids.addAll(listedModels);
        }
        ids.addAll(settings.models());
        ids.add(session.model());
        List<ModelChoice> out = new ArrayList<>();
        for (String id : ids) {
            boolean listed = listedModels == null || listedModels.contains(id);
            out.add(new ModelChoice(id, settings.price(id), listed));
        }
        return out;
    }
}
