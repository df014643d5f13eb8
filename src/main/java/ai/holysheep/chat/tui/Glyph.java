package ai.holysheep.chat.tui;

import com.googlecode.lanterna.TextCharacter;
import java.util.Objects;

/**
 * One user-perceived character as a screen cell. Lanterna's own {@code TextCharacter.fromString}
 * splits ZWJ and skin-tone emoji with JDK 17's BreakIterator, which would draw a family emoji as
 * several cells; this cell carries the whole grapheme and reports the width measured by render's
 * {@code DisplayWidth}, so the screen's double-width bookkeeping matches what terminals draw.
 */
final class Glyph extends TextCharacter {
    private final String grapheme;
    private final boolean wide;

    private Glyph(TextCharacter styled, String grapheme, boolean wide) {
        super(styled);
        this.grapheme = grapheme;
        this.wide = wide;
    }

    /**
     * A cell for {@code grapheme} in the style of {@code styled} (any cell carrying the colours and
     * modifiers wanted). Plain cells come from lanterna itself; only graphemes it would split, or
     * whose width it gets wrong, become a Glyph.
     */
    static TextCharacter of(String grapheme, int width, TextCharacter styled) {
        TextCharacter[] pieces = TextCharacter.fromString(grapheme, styled.getForegroundColor(),
                styled.getBackgroundColor(), styled.getModifiers());
        if (pieces.length == 1 && pieces[0].isDoubleWidth() == (width == 2)) {
            return pieces[0];
        }
        return new Glyph(pieces.length == 0 ? styled : pieces[0], grapheme, width == 2);
    }

    @Override
    public String getCharacterString() {
        return grapheme;
    }

    @Override
    public boolean isDoubleWidth() {
        return wide;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glyph g && g.grapheme.equals(grapheme) && g.wide == wide && super.equals(o);
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
