package ai.holysheep.chat.tui;

import ai.holysheep.chat.render.Color;
import ai.holysheep.chat.render.Style;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/** The screen's palette: render's styles and the UI's own roles as lanterna cells. */
final class Styles {
    static final TextCharacter PLAIN = cell(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT);
    static final TextCharacter DIM = cell(new TextColor.Indexed(Color.GRAY.index()), TextColor.ANSI.DEFAULT);
    static final TextCharacter USER = cell(TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.DEFAULT, SGR.BOLD);
    static final TextCharacter USER_BAR = cell(TextColor.ANSI.CYAN, TextColor.ANSI.DEFAULT);
    static final TextCharacter ASSISTANT_LABEL = cell(TextColor.ANSI.MAGENTA_BRIGHT, TextColor.ANSI.DEFAULT, SGR.BOLD);
    static final TextCharacter WARN = cell(TextColor.ANSI.YELLOW, TextColor.ANSI.DEFAULT, SGR.BOLD);
    static final TextCharacter ERROR = cell(TextColor.ANSI.RED_BRIGHT, TextColor.ANSI.DEFAULT, SGR.BOLD);
    static final TextCharacter NOTICE = cell(TextColor.ANSI.GREEN, TextColor.ANSI.DEFAULT);
    static final TextCharacter RULE = cell(new TextColor.Indexed(Color.GRAY.index()), TextColor.ANSI.DEFAULT);
    static final TextCharacter STATUS = cell(TextColor.ANSI.BLACK, TextColor.ANSI.WHITE);
    static final TextCharacter STATUS_STRONG = cell(TextColor.ANSI.BLACK, TextColor.ANSI.WHITE, SGR.BOLD);
    static final TextCharacter STATUS_ALERT = cell(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.RED, SGR.BOLD);
    static final TextCharacter STATUS_BUSY = cell(TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW, SGR.BOLD);
    static final TextCharacter STATUS_GOOD = cell(TextColor.ANSI.BLACK, TextColor.ANSI.GREEN, SGR.BOLD);
    static final TextCharacter SELECTED = cell(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN);
    static final TextCharacter SELECTED_STRONG = cell(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, SGR.BOLD);
    static final TextCharacter FRAME = cell(TextColor.ANSI.CYAN, TextColor.ANSI.DEFAULT);
    static final TextCharacter FRAME_TITLE = cell(TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.DEFAULT, SGR.BOLD);
    static final TextCharacter TITLE = cell(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.DEFAULT, SGR.BOLD);
    static final TextCharacter PANEL = cell(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT);

    private final Map<Style, TextCharacter> cache = new HashMap<>();

    TextCharacter of(Style style) {
        return cache.computeIfAbsent(style, Styles::convert);
    }

    TextCharacter marker() {
        return DIM;
    }

    private static TextCharacter convert(Style style) {
        TextColor fg = style.foreground() == null
                ? (style.dim() ? new TextColor.Indexed(Color.GRAY.index()) : TextColor.ANSI.DEFAULT)
                : new TextColor.Indexed(style.foreground().index());
        TextColor bg = style.background() == null ? TextColor.ANSI.DEFAULT : new TextColor.Indexed(style.background().index());
        EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
        if (style.bold()) {
            sgr.add(SGR.BOLD);
        }
        if (style.italic()) {
            sgr.add(SGR.ITALIC);
        }
        if (style.underline()) {
            sgr.add(SGR.UNDERLINE);
        }
        if (style.strikethrough()) {
            sgr.add(SGR.CROSSED_OUT);
        }
        return new TextCharacter(' ', fg, bg, sgr);
    }

    private static TextCharacter cell(TextColor fg, TextColor bg, SGR... sgr) {
        return new TextCharacter(' ', fg, bg, sgr);
    }
}
