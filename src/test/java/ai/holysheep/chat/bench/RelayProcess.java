package ai.holysheep.chat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** `serve` in a process of its own: started, its URL read from stdout, its CPU and memory from /proc. */
record RelayProcess(Process process, String url) {
    /** Through the launcher, with the JVM options users get; its exec keeps the relay's pid. */
    static RelayProcess start(Path launcher, Map<String, String> env, Path config, Path db, String upstream, Path scratch)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--config", config.toString(),
                "--base-url", upstream, "serve", "--port", "0", "--db", db.toString())
                .redirectError(scratch.resolve("relay.err").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        String url = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (url == null) {
            throw new IOException("the relay did not start: " + Files.readString(scratch.resolve("relay.err")));
        }
        return new RelayProcess(p, url);
    }

    /** utime + stime in clock ticks (100 a second on Linux). */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
