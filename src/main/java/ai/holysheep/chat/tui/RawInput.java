package ai.holysheep.chat.tui;

import com.googlecode.lanterna.input.BasicCharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/**
 * The terminal as a full-screen program needs it. With {@code icrnl} on, Enter (CR) and Ctrl+J
 * (LF) both arrive as LF and cannot be told apart; with {@code ixon} on, Ctrl+S freezes the
 * screen until Ctrl+Q; and Ctrl+Z would suspend the program instead of undoing a Ctrl+C. All three
 * are turned off, and the keys are decoded from the bytes as sent.
 */
final class RawInput {
    /** Arguments for stty on top of lanterna's own (-icanon -echo); undone by its saved settings. */
    static final List<String> STTY = List.of("-icrnl", "-ixon", "susp", "undef");

    private RawInput() {
    }

    /** Added after lanterna's default profile, so these win over its reading of CR and LF. */
    static KeyDecodingProfile profile() {
        return () -> List.of(
                new BasicCharacterPattern(new KeyStroke(KeyType.Enter), '\r'),
                new BasicCharacterPattern(new KeyStroke('j', true, false), '\n'),
                new BasicCharacterPattern(new KeyStroke(KeyType.Enter, false, true), '\u001b', '\r'));
    }
}
