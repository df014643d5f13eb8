package ai.holysheep.chat.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs one command as a child process and times it from the moment it is spawned. Peak RSS comes
 * from {@code /usr/bin/time -f %M} when that tool exists; its own cost is paid equally by every
 * command measured, so comparisons stay fair.
 */
final class Processes {
    /** Every child is killed past this, so a hung client cannot hang the benchmark. */
    private static final long TIMEOUT_SECONDS = 60;
    private static final File TIME = new File("/usr/bin/time");

    private final Map<String, String> env;
    private final Path scratch;

    Processes(Map<String, String> env, Path scratch) {
        this.env = env;
        this.scratch = scratch;
    }

    static boolean canMeasureRss() {
        return TIME.canExecute();
    }

    /** Wall time and peak RSS of a run whose stdout goes to /dev/null. */
    record Run(double seconds, double peakRssMb) {
    }

    Run drain(List<String> command) throws IOException, InterruptedException {
        Path rss = Files.createTempFile(scratch, "rss", ".txt");
        List<String> argv = new ArrayList<>();
        if (canMeasureRss()) {
            argv.addAll(List.of(TIME.getPath(), "-f", "%M", "-o", rss.toString()));
        }
        argv.addAll(command);
        ProcessBuilder pb = builder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        finish(p, command);
        double seconds = (System.nanoTime() - start) / 1e9;
        double mb = Double.NaN;
        if (canMeasureRss()) {
            String text = Files.readString(rss).strip();
            String last = text.substring(text.lastIndexOf('\n') + 1).strip();
            mb = Long.parseLong(last) / 1024.0;
        }
        Files.deleteIfExists(rss);
        return new Run(seconds, mb);
    }

    /** Stdout and peak RSS of a command that reports its own figures on stdout. */
    record Reported(String stdout, double peakRssMb) {
    }

    Reported reported(List<String> command) throws IOException, InterruptedException {
        Path rss = Files.createTempFile(scratch, "rss", ".txt");
        List<String> argv = new ArrayList<>();
        if (canMeasureRss()) {
            argv.addAll(List.of(TIME.getPath(), "-f", "%M", "-o", rss.toString()));
        }
        argv.addAll(command);
        String out = output(argv);
        double mb = Double.NaN;
        if (canMeasureRss()) {
            String text = Files.readString(rss).strip();
            mb = Long.parseLong(text.substring(text.lastIndexOf('\n') + 1).strip()) / 1024.0;
        }
        Files.deleteIfExists(rss);
        return new Reported(out, mb);
    }

    /** Wall time of a short command whose output is ignored ({@code --version}). */
    double wall(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = builder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        finish(p, command);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds from spawn to the first stdout byte; the rest is read and thrown away. */
    double firstByte(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = builder(command).start();
        long first = -1;
        try (InputStream in = p.getInputStream()) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0 && first < 0) {
                    first = System.nanoTime();
                }
            }
        }
        finish(p, command);
        if (first < 0) {
            throw new IOException("no output from " + String.join(" ", command));
        }
        return (first - start) / 1e9;
    }

    /** Seconds from spawn to the first stdout line that {@code answer} accepts (curl's raw SSE). */
    double firstLine(List<String> command, Predicate<String> answer) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = builder(command).start();
        long first = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (first < 0 && answer.test(line)) {
                    first = System.nanoTime();
                }
            }
        }
        finish(p, command);
        if (first < 0) {
            throw new IOException("no answer line from " + String.join(" ", command));
        }
        return (first - start) / 1e9;
    }

    /** Stdout of a short command, for checks and curl's {@code -w} figures. */
    String output(List<String> command) throws IOException, InterruptedException {
        Process p = builder(command).start();
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        finish(p, command);
        return text;
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb;
    }

    private static void finish(Process p, List<String> command) throws IOException, InterruptedException {
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit status " + p.exitValue() + ": " + String.join(" ", command));
        }
    }
}
