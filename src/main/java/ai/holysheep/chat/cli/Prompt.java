package ai.holysheep.chat.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the user's message from the prompt words and piped stdin, the way mods and llm do. */
final class Prompt {
    private Prompt() {
    }

    /**
     * The argument, a blank line, then stdin exactly as it came; either alone is the message.
     * A terminal stdin is never read, so nothing waits on a keyboard; nor is stdin when
     * {@code stdinAttached} ({@code -f -} reads it as a file). With {@code filesAttached} the
     * message may be the files alone.
     */
    static String compose(List<String> words, Io io, boolean stdinAttached, boolean filesAttached) {
        String message = draft(words, io, stdinAttached);
        if (message.isBlank() && !filesAttached) {
            throw new CliException(ExitCode.USAGE, "nothing to ask: give a prompt, or pipe text into stdin");
        }
        return message;
    }

    /**
     * The message as {@link #compose} builds it (stdin left alone as there), blank when there is none: the text
     * {@code -e/--editor} opens with. Sent only once edited.
     */
    static String draft(List<String> words, Io io, boolean stdinAttached) {
        String argument = words == null ? "" : String.join(" ", words);
        String piped = io.stdinIsTerminal() || stdinAttached ? "" : readAll(io.in());
        if (argument.isBlank() && piped.isBlank()) {
            return "";
        }
        if (piped.isEmpty()) {
            return argument;
        }
        if (argument.isBlank()) {
            return piped;
        }
        return argument + "\n\n" + piped;
    }

    /**
     * A plain read loop: JDK 17's FileInputStream.readAllBytes asks the file for its size and
     * position, which fails on a pipe ("Illegal seek").
     */
    private static String readAll(InputStream in) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) >= 0; ) {
                bytes.write(buf, 0, n);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read stdin: " + e.getMessage());
        }
    }
}
