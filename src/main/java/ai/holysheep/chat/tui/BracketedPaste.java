package ai.holysheep.chat.tui;

import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/**
 * Bracketed paste (xterm mode 2004): the terminal wraps pasted text in {@code ESC[200~} and
 * {@code ESC[201~}, so a pasted newline is text, not Enter. Lanterna 3.1.5 does not know the
 * markers (the start would read as Alt-'[' then "200~"); these patterns teach its decoder.
 */
final class BracketedPaste {
    static final String ENABLE = "\u001b[?2004h";
    static final String DISABLE = "\u001b[?2004l";

    /** The keystroke a paste marker decodes to. */
    static final class Marker extends KeyStroke {
        private final boolean start;

        private Marker(boolean start) {
            super(KeyType.Unknown);
            this.start = start;
        }

        boolean isStart() {
            return start;
        }

        @Override
        public String toString() {
            return start ? "PasteStart" : "PasteEnd";
        }
    }

    static final Marker START = new Marker(true);
    static final Marker END = new Marker(false);

    private BracketedPaste() {
    }

    /** Add to the terminal's input decoder. */
    static KeyDecodingProfile profile() {
        return () -> List.of(pattern("\u001b[200~", START), pattern("\u001b[201~", END));
    }

    private static CharacterPattern pattern(String sequence, Marker marker) {
        return seq -> {
            int n = seq.size();
            if (n > sequence.length()) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                if (seq.get(i) != sequence.charAt(i)) {
                    return null;
                }
            }
            return n == sequence.length() ? new CharacterPattern.Matching(marker) : CharacterPattern.Matching.NOT_YET;
        };
    }
}
