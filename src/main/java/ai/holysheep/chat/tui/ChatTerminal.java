package ai.holysheep.chat.tui;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The process's own terminal, always as a text terminal (lanterna's factory would open a Swing
 * window where there is a display). Ctrl+C arrives as a key so that it can stop an answer; the
 * raw writes carry what lanterna has no call for: bracketed paste and OSC 52.
 */
final class ChatTerminal extends UnixTerminal {
    ChatTerminal() throws IOException {
        super(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8,
                UnixLikeTerminal.CtrlCBehaviour.TRAP);
        getInputDecoder().addProfile(BracketedPaste.profile());
        getInputDecoder().addProfile(RawInput.profile());
    }

    /** Lanterna leaves icrnl and ixon on; lanterna's saved stty settings restore them on close. */
    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        super.canonicalMode(enabled);
        if (!enabled) {
            runSTTYCommand(RawInput.STTY.toArray(String[]::new));
        }
    }

    /**
     * Lanterna encodes a string one UTF-16 unit at a time, which turns each half of an emoji into
     * '?'. A cell holding a character outside the BMP is written as a whole instead.
     */
    @Override
    public void putString(String string) throws IOException {
        for (int i = 0; i < string.length(); i++) {
            if (Character.isSurrogate(string.charAt(i))) {
                writeToTerminal(string.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        super.putString(string);
    }

    /**
     * Lanterna encodes a character with {@code Charset.encode(..).array()}, which hands back the
     * encoder's whole buffer: every two-byte character (é, ·, Ω, Cyrillic) came out with a NUL
     * after it. Only the character's own bytes are written.
     */
    @Override
    protected byte[] translateCharacter(char input) {
        return String.valueOf(input).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a control sequence as it is, bypassing the screen. */
    synchronized void raw(String sequence) throws IOException {
        writeToTerminal(sequence.getBytes(StandardCharsets.UTF_8));
        flush();
    }
}
