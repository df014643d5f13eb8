package ai.holysheep.chat.bench;

import ai.holysheep.chat.cli.LauncherArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks, on a copy of the launcher and jar, that the start-up archive never reaches stdout:
 * missing, freshly made, used, corrupt or stale, the output is byte for byte what a run without
 * any archive prints, and a chat run (re)makes the archive when the jar is newer.
 */
final class LauncherCheck {
    private final Path launcher;
    private final Path jar;
    private final Path archive;
    private final Processes processes;
    private final Processes noArchive;

    private LauncherCheck(Path home, Map<String, String> env, Path scratch) {
        this.launcher = home.resolve("scripts/holysheep-chat");
        this.jar = home.resolve("target/holysheep-chat.jar");
        this.archive = home.resolve("target/holysheep-chat.jsa");
        this.processes = new Processes(env, scratch);
        Map<String, String> off = new java.util.HashMap<>(env);
        off.put("HOLYSHEEP_CDS", "0");
        this.noArchive = new Processes(off, scratch);
    }

    /** Returns the failed checks; empty when all passed. */
    static List<String> run(Path launcher, Path jar, Map<String, String> env, Path scratch) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(scratch, "launcher");
        try {
            Files.createDirectories(home.resolve("scripts"));
            Files.createDirectories(home.resolve("target"));
            Files.copy(launcher, home.resolve("scripts/holysheep-chat"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(launcher.resolveSibling("launch.sh"), home.resolve("scripts/launch.sh"));
            Files.copy(jar, home.resolve("target/holysheep-chat.jar"));
            return new LauncherCheck(home, env, scratch).checks();
        } finally {
            try (Stream<Path> all = Files.walk(home)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private List<String> checks() throws IOException, InterruptedException {
        List<String> failed = new ArrayList<>();
        List<String> version = List.of(launcher.toString(), "--version");
        List<String> chat = List.of(launcher.toString(), "benchmark");
        // --version alone runs without the archive; --help is the cheapest run that maps it.
        List<String> help = List.of(launcher.toString(), "--help");
        String expectedVersion = noArchive.output(version);
        String expectedHelp = noArchive.output(help);
        String expectedAnswer = noArchive.output(chat);

        expect(failed, "--version, no archive", expectedVersion, processes.output(version));
        expect(failed, "--version makes no archive", "absent", Files.exists(archive) ? "present" : "absent");
        expect(failed, "first chat run (makes the archive)", expectedAnswer, processes.output(chat));
        expect(failed, "archive made after a chat run", "present", madeSoon() ? "present" : "absent");
        expect(failed, "chat run using the archive", expectedAnswer, processes.output(chat));

        Files.delete(archive);
        Files.writeString(archive, "not an archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        expect(failed, "--version, corrupt archive", expectedVersion, processes.output(version));
        expect(failed, "--help, corrupt archive", expectedHelp, processes.output(help));
        expect(failed, "chat run, corrupt archive", expectedAnswer, processes.output(chat));

        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        expect(failed, "--version, stale archive", expectedVersion, processes.output(version));
        expect(failed, "--help, stale archive", expectedHelp, processes.output(help));
        expect(failed, "chat run, stale archive (remakes it)", expectedAnswer, processes.output(chat));
        boolean remade = madeSoon() && Files.size(archive) > 1024 && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        expect(failed, "stale archive remade", "yes", remade ? "yes" : "no");
        expect(failed, "chat run using the remade archive", expectedAnswer, processes.output(chat));
        return failed;
    }

    /** The archive is dumped in the background after the run that listed its classes. */
    private boolean madeSoon() throws IOException, InterruptedException {
        return LauncherArchive.awaitMade(archive, Duration.ofSeconds(60));
    }

    private static void expect(List<String> failed, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            String shown = actual.length() > 80 ? actual.substring(0, 80) + "…" : actual;
            failed.add(what + ": got '" + shown.replace("\n", "\\n") + "'");
        }
    }
}
