package ai.holysheep.chat.render;

/**
 * How a span of text looks. Colours are null for the terminal's default. {@code code} marks
 * text from inline code or a code block, so a drawer can keep it verbatim.
 */
public record Style(Color foreground, Color background, boolean bold, boolean italic,
                    boolean underline, boolean strikethrough, boolean dim, boolean code) {
    public static final Style PLAIN = new Style(null, null, false, false, false, false, false, false);

    public Style withForeground(Color color) {
        return new Style(color, background, bold, italic, underline, strikethrough, dim, code);
    }

    public Style withBackground(Color color) {
        return new Style(foreground, color, bold, italic, underline, strikethrough, dim, code);
    }

    public Style withBold() {
        return new Style(foreground, background, true, italic, underline, strikethrough, dim, code);
    }

    public Style withItalic() {
        return new Style(foreground, background, bold, true, underline, strikethrough, dim, code);
    }

    public Style withUnderline() {
        return new Style(foreground, background, bold, italic, true, strikethrough, dim, code);
    }

    public Style withStrikethrough() {
        return new Style(foreground, background, bold, italic, underline, true, dim, code);
    }

    public Style withDim() {
        return new Style(foreground, background, bold, italic, underline, strikethrough, true, code);
    }

    public Style withCode() {
        return new Style(foreground, background, bold, italic, underline, strikethrough, dim, true);
    }

    public boolean isPlain() {
        return equals(PLAIN);
    }
}
