package ai.holysheep.chat.attach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns what the user named ({@code -f PATH} or {@code /file PATH}) into attachments: a file, a
 * directory read recursively, a glob, or {@code -} for stdin. A file named on its own must be
 * text or an image; a directory or glob gives its text files and skips the rest (images there are
 * more likely icons than what the question is about), leaving out what {@code .gitignore} files
 * and hidden directories exclude. All of it together must stay under the size limit, checked
 * before any file is read whole.
 */
public final class FileGatherer {
    /** What was gathered, and one line for each set of files passed over, to be shown as a warning. */
    public record Gathered(List<Attachment> files, List<String> skipped) {
    }

    /** A file about to be attached: where its bytes are (a path, or stdin's bytes already read). */
    private record Candidate(String shown, Path file, byte[] bytes, long size, boolean named) {
    }

    private final Path cwd;
    private final long limit;

    /** @param limit the most bytes all the files of one message may have together */
    public FileGatherer(Path cwd, long limit) {
        this.cwd = cwd;
        this.limit = limit;
    }

    /** @param stdin read only when {@code -} is named */
    public Gathered gather(List<String> specs, Supplier<InputStream> stdin) {
        List<Candidate> found = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        List<String> skipped = new ArrayList<>();
        for (String spec : specs) {
            if (spec.equals("-")) {
                byte[] bytes = readAll(stdin.get());
                found.add(new Candidate("stdin", null, bytes, bytes.length, true));
            } else if (isGlob(spec)) {
                List<Candidate> matched = new ArrayList<>();
                glob(spec, matched, seen, skipped);
                if (matched.isEmpty()) {
                    throw new AttachException("no file matches " + spec);
                }
                found.addAll(matched);
            } else {
                // Absolute, as the .gitignore files found above it are: their rules are matched on paths relative to them.
                Path path = cwd.resolve(spec).toAbsolutePath().normalize();
                if (Files.isDirectory(path)) {
                    List<Candidate> inside = new ArrayList<>();
                    List<String> passed = new ArrayList<>();
                    walk(path, Path.of(spec), ancestorRules(path), inside, seen, passed, null);
                    note(spec, passed, skipped);
                    found.addAll(inside);
                } else if (Files.isRegularFile(path)) {
                    if (seen.add(path)) {
                        found.add(new Candidate(spec, path, null, size(path), true));
                    }
                } else {
                    throw new AttachException(Files.exists(path) ? spec + " is not a file or a directory" : "no such file: " + spec);
                }
            }
        }
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : found) {
            // The files a directory gave were sorted while it was walked.
            if (!c.named() || keep(c)) {
                kept.add(c);
            }
        }
        checkLimit(kept);
        List<Attachment> files = new ArrayList<>();
        for (Candidate c : kept) {
            files.add(read(c));
        }
        return new Gathered(List.copyOf(files), List.copyOf(skipped));
    }

    /** A file named on its own must be text or an image; a found one that is neither is passed over. */
    private boolean keep(Candidate c) {
        byte[] head = head(c);
        boolean image = FileSniff.imageType(head).isPresent();
        if (c.named()) {
            if (!image && FileSniff.binary(head, head.length, head.length == c.size())) {
                throw new AttachException(c.shown() + " is a binary file; only text and images (png, jpeg, webp, gif) can be attached");
            }
            return true;
        }
        return !image && !FileSniff.binary(head, head.length, head.length == c.size());
    }

    private void checkLimit(List<Candidate> kept) {
        long total = kept.stream().mapToLong(Candidate::size).sum();
        if (total <= limit) {
            return;
        }
        String biggest = kept.stream().sorted(Comparator.comparingLong(Candidate::size).reversed()).limit(3)
                .map(c -> c.shown() + " (" + Sizes.human(c.size()) + ")").collect(Collectors.joining(", "));
        throw new AttachException("the files come to " + Sizes.human(total) + ", over the " + Sizes.human(limit)
                + " limit (max_attach in the config); the biggest: " + biggest);
    }

    private static Attachment read(Candidate c) {
        byte[] bytes = c.bytes() != null ? c.bytes() : readFile(c.file());
        return FileSniff.imageType(bytes)
                .<Attachment>map(type -> new Attachment.Image(c.shown(), type, bytes))
                .orElseGet(() -> new Attachment.TextFile(c.shown(), new String(bytes, StandardCharsets.UTF_8), bytes.length));
    }

    // ---- finding files ---------------------------------------------------------------------

    /** A .gitignore rule set and the directory it speaks for. */
    private record Rules(Path base, Gitignore rules) {
    }

    private void walk(Path dir, Path shown, List<Rules> outer, List<Candidate> out, Set<Path> seen,
                      List<String> passed, PathMatcher matcher) {
        List<Rules> rules = new ArrayList<>(outer);
        Path ignoreFile = dir.resolve(".gitignore");
        if (Files.isRegularFile(ignoreFile)) {
            rules.add(new Rules(dir, Gitignore.parse(new String(readFile(ignoreFile), StandardCharsets.UTF_8))));
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            listing.forEach(entries::add);
        } catch (IOException e) {
            throw new AttachException("cannot read the directory " + shown + ": " + e.getMessage());
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            // Not followed: a link back up the tree would be walked for ever.
            boolean directory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
            if ((directory && name.startsWith(".")) || ignored(rules, entry, directory)) {
                continue;
            }
            Path entryShown = shown.resolve(name);
            if (directory) {
                walk(entry, entryShown, rules, out, seen, passed, matcher);
            } else if (Files.isRegularFile(entry)) {
                String display = entryShown.normalize().toString().replace('\\', '/');
                if (matcher != null && !matcher.matches(entryShown.normalize())) {
                    continue;
                }
                if (!seen.add(entry.toAbsolutePath().normalize())) {
                    continue;
                }
                if (matcher != null) {
                    // A glob names the files it matches, so they are held to the rule for named files.
                    out.add(new Candidate(display, entry, null, size(entry), true));
                    continue;
                }
                Candidate c = new Candidate(display, entry, null, size(entry), false);
                if (keep(c)) {
                    out.add(c);
                } else {
                    passed.add(display);
                }
            }
        }
    }

    /** The last verdict of the deepest .gitignore with something to say about the path. */
    private static boolean ignored(List<Rules> rules, Path entry, boolean directory) {
        Gitignore.Verdict verdict = Gitignore.Verdict.UNSAID;
        for (Rules r : rules) {
            String relative = r.base().relativize(entry).toString().replace('\\', '/');
            Gitignore.Verdict v = r.rules().judge(relative, directory);
            if (v != Gitignore.Verdict.UNSAID) {
                verdict = v;
            }
        }
        return verdict == Gitignore.Verdict.IGNORED;
    }

    /**
     * The .gitignore files above a directory, up to the top of its git repository, outermost
     * first: {@code -f src} leaves out what the repository's own .gitignore does.
     */
    private static List<Rules> ancestorRules(Path dir) {
        List<Rules> found = new ArrayList<>();
        Path top = dir.toAbsolutePath().normalize();
        for (Path p = top.getParent(); p != null; p = p.getParent()) {
            Path ignoreFile = p.resolve(".gitignore");
            if (Files.isRegularFile(ignoreFile)) {
                found.add(0, new Rules(p, Gitignore.parse(new String(readFile(ignoreFile), StandardCharsets.UTF_8))));
            }
            if (Files.exists(p.resolve(".git"))) {
                return found;
            }
        }
        // Not inside a repository: no .gitignore above it speaks for it.
        return List.of();
    }

    private void glob(String spec, List<Candidate> out, Set<Path> seen, List<String> skipped) {
        String[] parts = spec.replace('\\', '/').split("/", -1);
        int fixed = 0;
        while (fixed < parts.length - 1 && !isGlob(parts[fixed])) {
            fixed++;
        }
        String base = String.join("/", Arrays.copyOfRange(parts, 0, fixed));
        Path baseShown = Path.of(base.isEmpty() ? "." : base);
        Path dir = cwd.resolve(baseShown).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new AttachException("no file matches " + spec);
        }
        walk(dir, baseShown, ancestorRules(dir), out, seen, skipped, matcher(Path.of(spec).normalize().toString()));
    }

    /**
     * The JDK's glob, with {@code **}{@code /} as git and bash's globstar take it: any number of
     * directories, none included (the JDK's needs at least one, so {@code src/**}{@code /*.java}
     * would miss the files directly in {@code src}).
     */
    private static PathMatcher matcher(String glob) {
        Set<String> variants = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(glob));
        while (!todo.isEmpty()) {
            String g = todo.remove(todo.size() - 1);
            if (!variants.add(g)) {
                continue;
            }
            for (int at = g.indexOf("**/"); at >= 0; at = g.indexOf("**/", at + 1)) {
                if (at == 0 || g.charAt(at - 1) == '/') {
                    todo.add(g.substring(0, at) + g.substring(at + 3));
                }
            }
        }
        List<PathMatcher> matchers = variants.stream()
                .map(v -> FileSystems.getDefault().getPathMatcher("glob:" + v)).toList();
        return path -> matchers.stream().anyMatch(m -> m.matches(path));
    }

    private static void note(String spec, List<String> passed, List<String> skipped) {
        if (passed.isEmpty()) {
            return;
        }
        String some = passed.stream().limit(3).collect(Collectors.joining(", "));
        skipped.add("left out " + passed.size() + (passed.size() == 1 ? " file" : " files") + " under " + spec
                + " that " + (passed.size() == 1 ? "is" : "are") + " not text: " + some + (passed.size() > 3 ? ", …" : ""));
    }

    private static boolean isGlob(String spec) {
        return spec.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    // ---- reading ---------------------------------------------------------------------------

    private static byte[] head(Candidate c) {
        if (c.bytes() != null) {
            return Arrays.copyOf(c.bytes(), (int) Math.min(c.bytes().length, FileSniff.WINDOW));
        }
        try (InputStream in = Files.newInputStream(c.file())) {
            return in.readNBytes(FileSniff.WINDOW);
        } catch (IOException e) {
            throw new AttachException("cannot read " + c.shown() + ": " + e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AttachException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AttachException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A plain read loop: on a pipe, JDK 17's readAllBytes asks for a size and fails ("Illegal seek"). */
    private static byte[] readAll(InputStream in) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) >= 0; ) {
                bytes.write(buf, 0, n);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AttachException("cannot read stdin: " + e.getMessage());
        }
    }
}
