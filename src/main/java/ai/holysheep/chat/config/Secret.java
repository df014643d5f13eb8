package ai.holysheep.chat.config;

/**
 * An API key. Its {@link #toString()} is masked so that no log line, error message or debugger
 * view can leak it by accident; only the HTTP layer calls {@link #reveal()}.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty key");
        }
        this.value = value.strip();
    }

    public String reveal() {
        return value;
    }

    /** {@code sk-…9c3f}: enough to tell two keys apart, not enough to use one. */
    public String masked() {
        String tail = value.length() > 8 ? value.substring(value.length() - 4) : "";
        String head = value.startsWith("sk-") ? "sk-" : "";
        return head + "…" + tail;
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
