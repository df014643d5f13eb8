package ai.holysheep.chat.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who wrote a message, in the words the chat-completions wire uses. */
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT;

    @JsonValue
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Role fromWord(String word) {
        for (Role role : values()) {
            if (role.word().equals(word)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role: " + word);
    }
}
