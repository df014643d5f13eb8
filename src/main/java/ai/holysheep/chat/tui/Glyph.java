package ai.holysheep.chat.tui;

import com.googlecode.lanterna.TextCharacter;
import java.util.Objects;

/**
 * One user-perceived character as a screen cell, made once per grapheme and style by
 * {@link Cells} and reused every frame. Lanterna's own {@code TextCharacter.fromString} splits ZWJ
 * and skin-tone emoji with JDK 17's BreakIterator, which would draw a family emoji as several
 * cells; this cell carries the whole grapheme and reports the width measured by render's
 * {@code DisplayWidth}, so the screen's double-width bookkeeping matches what terminals draw.
 *
 * <p>The width is a field because lanterna asks for it several times per cell per frame (when a
 * cell is set, for its neighbour, and again when comparing buffers), and its own answer walks
 * Unicode block tables each time: that was most of a frame.
 */
final class Glyph extends TextCharacter {
    private final String grapheme;
    private final boolean wide;
    private final Cells.Palette palette;

    Glyph(TextCharacter base, String grapheme, boolean wide, Cells.Palette palette) {
        super(base);
        this.grapheme = grapheme;
        this.wide = wide;
        this.palette = palette;
    }

    int width() {
        return wide ? 2 : 1;
    }

    @Override
    public String getCharacterString() {
        return grapheme;
    }

    @Override
    public boolean isDoubleWidth() {
        return wide;
    }

    /** Lanterna pads the cell right of a wide one with {@code withCharacter(' ')}: the cached blank. */
    @Override
    public TextCharacter withCharacter(char character) {
        return character == ' ' ? palette.blank() : super.withCharacter(character);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Glyph g && g.wide == wide && g.grapheme.equals(grapheme) && super.equals(o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), grapheme);
    }

    @Override
    public String toString() {
        return grapheme;
    }
}
