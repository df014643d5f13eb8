package ai.holysheep.chat.render;

/** A run of text in one style. The text is sanitised and holds no line break. */
public record Span(String text, Style style) {
    public Span {
        if (text == null || style == null) {
            throw new IllegalArgumentException("span text and style are required");
        }
    }

    public static Span plain(String text) {
        return new Span(text, Style.PLAIN);
    }

    /** Terminal columns this span occupies. */
    public int width() {
        return DisplayWidth.of(text);
    }
}
