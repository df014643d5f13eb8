package ai.holysheep.chat.tui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The user's own editor, for composing a message: {@code $VISUAL}, else {@code $EDITOR}, else
 * {@code vi}, run through {@code sh} as git runs it, so a value with arguments
 * ({@code code --wait}) works. The draft is written to a file readable by the user alone, which
 * is removed afterwards; the editor gets the terminal ({@code /dev/tty}) even when stdin or stdout
 * is a pipe.
 */
public final class ExternalEditor {
    private static final File TTY = new File("/dev/tty");

    /** What the editing came to: the text to send, or why there is nothing to send. */
    public sealed interface Outcome {
        record Edited(String text) implements Outcome {
        }

        /** {@code reason} is a clause ("the editor left the message empty") for the caller to finish. */
        record NothingToSend(String reason) implements Outcome {
        }
    }

    private final String command;

    private ExternalEditor(String command) {
        this.command = command;
    }

    public static ExternalEditor from(Map<String, String> env) {
        for (String name : List.of("VISUAL", "EDITOR")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return new ExternalEditor(value.strip());
            }
        }
        return new ExternalEditor("vi");
    }

    /**
     * Opens {@code draft} in the editor and waits for it. An editor that exits non-zero, or a
     * file left empty (or only blank), is nothing to send, as git treats an empty commit message.
     */
    public Outcome edit(String draft) throws IOException, InterruptedException {
        Path file = Files.createTempFile("holysheep-chat-", ".md",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(file, draft, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command + " \"$@\"", command, file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            if (usableTerminal()) {
                builder.redirectInput(TTY).redirectOutput(TTY);
            } else {
                builder.redirectInput(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.INHERIT);
            }
            int status;
            try {
                status = builder.start().waitFor();
            } catch (IOException e) {
                return new Outcome.NothingToSend("the editor (" + command + ") did not start: " + e.getMessage());
            }
            if (status != 0) {
                return new Outcome.NothingToSend("the editor (" + command + ") exited with status " + status);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                return new Outcome.NothingToSend("the editor left the message empty");
            }
            return new Outcome.Edited(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** /dev/tty can be opened only where the process has a controlling terminal. */
    private static boolean usableTerminal() {
        try (var ignored = new java.io.FileInputStream(TTY)) {
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
