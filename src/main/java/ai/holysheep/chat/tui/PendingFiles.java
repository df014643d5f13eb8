package ai.holysheep.chat.tui;

import ai.holysheep.chat.attach.AttachException;
import ai.holysheep.chat.attach.Attachment;
import ai.holysheep.chat.attach.FileGatherer;
import ai.holysheep.chat.attach.Sizes;
import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.render.TerminalSanitizer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The files {@code /file PATH} attached to the next message, shown on one line above the input.
 * They go with that message only; {@code /file -} drops them.
 */
final class PendingFiles {
    private final Path cwd;
    /** What a leading {@code ~} stands for: the chat has no shell to expand it. */
    private final Path home;
    private final long limit;
    private final BiConsumer<String, Boolean> note;
    /** What was named, in order: each /file gathers all of them again. */
    private final List<String> specs = new ArrayList<>();
    private final List<Attachment> files = new ArrayList<>();

    /** @param note shows a line in the conversation: the text, and whether it tells of a problem */
    PendingFiles(Path cwd, Path home, long limit, BiConsumer<String, Boolean> note) {
        this.cwd = cwd;
        this.home = home;
        this.limit = limit;
        this.note = note;
    }

    /** {@code /file [PATH]}: attaches what PATH names (the whole argument: a name may hold spaces); alone, lists them. */
    void command(String arg) {
        if (arg.isEmpty()) {
            note.accept(files.isEmpty() ? "No files attached. /file PATH attaches one (a directory or a glob: its text files) to the next message."
                    : "Attached to the next message: " + names() + ". /file - drops them.", false);
            return;
        }
        if (arg.equals("-")) {
            note.accept(files.isEmpty() ? "No files attached." : "Dropped " + count(files.size()) + ".", false);
            clear();
            return;
        }
        if (arg.equals("~") || arg.startsWith("~/")) {
            arg = home.resolve(arg.substring(arg.equals("~") ? 1 : 2)).toString();
        }
        List<String> more = new ArrayList<>(specs);
        more.add(arg);
        try {
            // All of them again, so the limit and the files named twice are judged over the whole message.
            FileGatherer.Gathered gathered = new FileGatherer(cwd, limit).gather(more, InputStream::nullInputStream);
            gathered.skipped().forEach(s -> note.accept(upper(TerminalSanitizer.clean(s)) + ".", true));
            specs.add(arg);
            files.clear();
            files.addAll(gathered.files());
        } catch (AttachException e) {
            note.accept(upper(TerminalSanitizer.clean(e.getMessage())) + ".", true);
        }
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    List<Attachment> files() {
        return List.copyOf(files);
    }

    void clear() {
        specs.clear();
        files.clear();
    }

    /** The line above the input, cut to {@code columns} cells; empty when nothing is attached. */
    String line(int columns) {
        if (files.isEmpty()) {
            return "";
        }
        String text = "Attached: " + names() + " · /file - drops";
        int end = DisplayWidth.fit(text, 0, columns);
        if (end == text.length()) {
            return text;
        }
        return text.substring(0, DisplayWidth.fit(text, 0, columns - 1)) + "…";
    }

    /**
     * The question as the conversation shows it: what was typed, then a line naming each file
     * (its contents are sent, but would bury the conversation).
     */
    static String shown(String typed, List<Attachment> attached) {
        StringBuilder out = new StringBuilder(typed);
        for (Attachment f : attached) {
            out.append(out.length() == 0 ? "" : "\n").append(f instanceof Attachment.Image image ? image.note()
                    : "[file: " + f.path() + ", " + Sizes.human(f.size()) + "]");
        }
        return out.toString();
    }

    private String names() {
        return files.stream().map(f -> TerminalSanitizer.clean(f.path()) + " (" + Sizes.human(f.size()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String count(int n) {
        return n == 1 ? "1 file" : n + " files";
    }

    private static String upper(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
