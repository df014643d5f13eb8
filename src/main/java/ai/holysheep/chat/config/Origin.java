package ai.holysheep.chat.config;

import java.util.Locale;

/** Where an effective setting came from, so the user can be shown why a value is what it is. */
public enum Origin {
    FLAG, ROLE, ENV, PROFILE, FILE, KEY_COMMAND, DEFAULT;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
