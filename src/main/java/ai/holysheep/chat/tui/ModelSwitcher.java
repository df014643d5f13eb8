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
    /** A model switched to by name before the gateway's list was known. */
    private String unchecked;
    private final Consumer<String> warn;

    ModelSwitcher(ChatSession session, Settings settings, Backend backend, Executor background, Consumer<UiEvent> post,
                  Consumer<String> warn) {
        this.warn = warn;
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
            fetch();
        }
    }

    /**
     * After a switch by name (/model NAME): warns when the gateway does not list that model, at
     * once or when its list arrives. Only a warning: some gateways take names they do not list.
     */
    void checkListed(String model) {
        if (listedModels == null) {
            unchecked = model;
            fetch();
        } else {
            warnIfUnlisted(model);
        }
    }

    private void warnIfUnlisted(String model) {
        if (!listedModels.isEmpty() && !listedModels.contains(model)) {
            warn.accept("'" + model + "' is not among the models the gateway lists; it is sent as typed"
                    + " (F2 lists the ones it offers).");
        }
    }

    private void fetch() {
        background.execute(() -> {
            try {
                post.accept(new UiEvent.ModelsListed(List.copyOf(backend.models())));
            } catch (Exception e) {
                post.accept(new UiEvent.ModelsUnavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        });
    }

    void close() {
        picker = null;
    }

    /** Handles the model list's events; false for any other event. */
    boolean handle(UiEvent e) {
        if (e instanceof UiEvent.ModelsListed m) {
            listedModels = m.ids();
            if (unchecked != null && unchecked.equals(session.model())) {
                warnIfUnlisted(unchecked);
            }
            unchecked = null;
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
