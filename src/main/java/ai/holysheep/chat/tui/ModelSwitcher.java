package ai.holysheep.chat.tui;

import ai.holysheep.chat.config.Price;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The model switcher's window (F2, /model; in a room, F2 for the model {@code @ai} asks) and where
 * its choices come from: the catalog's list, fetched once in the background, then the configured
 * models, then the current one.
 */
final class ModelSwitcher {
    private final Supplier<String> current;
    private final ModelCatalog catalog;
    private final Executor background;
    private final Consumer<UiEvent> post;
    /** The open window, or null. */
    ModelPicker picker;
    private List<String> listedModels;
    /** A model switched to by name before the gateway's list was known. */
    private String unchecked;
    private final Consumer<String> warn;

    /**
     * @param current the model in use now, null when none is chosen
     * @param post    queues an event for the UI thread, the only one that handles it
     */
    ModelSwitcher(Supplier<String> current, ModelCatalog catalog, Executor background, Consumer<UiEvent> post,
                  Consumer<String> warn) {
        this.current = current;
        this.catalog = catalog;
        this.background = background;
        this.post = post;
        this.warn = warn;
    }

    void open() {
        picker = new ModelPicker(current.get(), choices(), catalog.source());
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
            warn.accept("'" + model + "' is not among the models the " + catalog.source() + " lists; it is sent as typed"
                    + " (F2 lists the ones it offers).");
        }
    }

    private void fetch() {
        background.execute(() -> {
            try {
                post.accept(new UiEvent.ModelsListed(List.copyOf(catalog.listing().call())));
            } catch (Exception e) {
                post.accept(new UiEvent.ModelsUnavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        });
    }

    void close() {
        picker = null;
    }

    /** A key while the window is open: {@code chosen} hears the model Enter picks. */
    void key(KeyStroke key, Consumer<String> chosen) {
        ModelPicker p = picker;
        switch (key.getKeyType()) {
            case Escape, F2 -> close();
            case ArrowUp -> p.up();
            case ArrowDown -> p.down();
            case Backspace -> p.backspace();
            case Enter -> {
                String id = p.selectedId();
                close();
                if (id != null) {
                    chosen.accept(id);
                }
            }
            case Character -> {
                if (key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'c') {
                    close();
                } else if (!key.isCtrlDown()) {
                    p.type(String.valueOf(key.getCharacter()));
                }
            }
            default -> {
            }
        }
    }

    /** Handles the model list's events; false for any other event. */
    boolean handle(UiEvent e) {
        if (e instanceof UiEvent.ModelsListed m) {
            listedModels = m.ids();
            if (unchecked != null && unchecked.equals(current.get())) {
                warnIfUnlisted(unchecked);
            }
            unchecked = null;
            if (picker != null) {
                picker.setChoices(choices());
                picker.loaded("");
            }
        } else if (e instanceof UiEvent.ModelsUnavailable u) {
            if (picker != null) {
                picker.loaded("(" + catalog.source() + " list unavailable: " + u.reason() + ")");
            }
        } else {
            return false;
        }
        return true;
    }

    /** The listed models, then configured ones not listed, then the current model if missing. */
    private List<ModelChoice> choices() {
        Set<String> ids = new LinkedHashSet<>();
        if (listedModels != null) {
            ids.addAll(listedModels);
        }
        ids.addAll(catalog.configured());
        if (current.get() != null) {
            ids.add(current.get());
        }
        List<ModelChoice> out = new ArrayList<>();
        for (String id : ids) {
            boolean listed = listedModels == null || listedModels.contains(id);
            out.add(new ModelChoice(id, note(id, listed)));
        }
        return out;
    }

    private String note(String id, boolean listed) {
        List<String> parts = new ArrayList<>();
        if (!catalog.prices().isEmpty()) {
            Price p = catalog.prices().get(id);
            parts.add(p == null ? "price ?" : String.format(Locale.ROOT, "$%.2f / $%.2f per M", p.inputPerMillion(),
                    p.outputPerMillion()));
        }
        if (!listed) {
            parts.add("not listed by the " + catalog.source());
        }
        return String.join(" · ", parts);
    }
}
