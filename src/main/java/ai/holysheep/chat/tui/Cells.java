package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.DisplayWidth;
import com.googlecode.lanterna.TextCharacter;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The screen cells drawn so far, per style and grapheme. A frame sets every cell of the screen,
 * so making each one anew (and having lanterna measure it) cost more than everything else in a
 * frame; cells are immutable, so one instance per (grapheme, style) serves every frame. Styles are
 * the palette's own instances ({@link Styles}), so they are told apart by identity.
 */
final class Cells {
    /** Graphemes beyond ASCII kept per style; a transcript in many scripts starts over past this. */
    private static final int MAX_OTHERS = 4_096;

    private final Map<TextCharacter, Palette> palettes = new IdentityHashMap<>();

    Palette of(TextCharacter style) {
        Palette p = palettes.get(style);
        if (p == null) {
            p = new Palette(style);
            palettes.put(style, p);
        }
        return p;
    }

    /** The cells of one style. */
    static final class Palette {
        private final TextCharacter style;
        private final Glyph[] ascii = new Glyph[0x7F];
        private final Map<String, Glyph> others = new HashMap<>();

        private Palette(TextCharacter style) {
            this.style = style;
        }

        Glyph blank() {
            return ascii(' ');
        }

        /** A printable ASCII character ({@code 0x20..0x7E}). */
        Glyph ascii(char c) {
            Glyph g = ascii[c];
            if (g == null) {
                g = new Glyph(new TextCharacter(c, style.getForegroundColor(), style.getBackgroundColor(), style.getModifiers()),
                        String.valueOf(c), false, this);
                ascii[c] = g;
            }
            return g;
        }

        /** The grapheme {@code text[start, end)}, or null when it takes no cell (a lone mark or control). */
        Glyph grapheme(CharSequence text, int start, int end) {
            String key = text.subSequence(start, end).toString();
            Glyph g = others.get(key);
            if (g == null) {
                int w = DisplayWidth.grapheme(text, start, end);
                if (w == 0) {
                    return null;
                }
                TextCharacter[] pieces = TextCharacter.fromString(key, style.getForegroundColor(),
                        style.getBackgroundColor(), style.getModifiers());
                g = new Glyph(pieces.length == 0 ? style : pieces[0], key, w == 2, this);
                if (others.size() >= MAX_OTHERS) {
                    others.clear();
                }
                others.put(key, g);
            }
            return g;
        }
    }
}
