package ai.holysheep.chat.bench;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.cli.LauncherArchive;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The benchmark behind {@code scripts/bench}: the one-shot client against {@code curl -N} on the
 * same simulated stream (loopback, unpaced), in one run, runs interleaved so that load from
 * elsewhere on the machine falls on both alike. Usage:
 * {@code Bench --jar ABS_JAR --launcher LAUNCHER [--quick]}.
 */
public final class Bench {
    /** The answer line curl prints first: a delta with non-empty content (the role chunk has none). */
    static final Predicate<String> CONTENT_LINE = line -> line.startsWith("data: ") && line.contains("\"content\":\"")
            && !line.contains("\"content\":\"\"");

    private final Plan plan;
    private final Path jar;
    private final Path launcher;
    private final Path scratch;
    /** The sections to measure: all of {@link #SECTIONS} unless {@code --only} names some. */
    private final Set<String> only;
    private final Report report = new Report();

    /** How much to measure: the full run takes a few minutes, {@code --quick} about one. */
    record Plan(boolean quick, int smallTokens, int largeTokens, int drainRuns, int ttftRuns, int inProcessRuns,
                int jitWarmRequests, int startupRuns, int tuiTokens, int tuiRuns) {
        static Plan fullRun() {
            return new Plan(false, 2_000, 50_000, 11, 21, 40, 300, 21, 100_000, 3);
        }

        static Plan quickRun() {
            return new Plan(true, 1_000, 10_000, 3, 5, 10, 100, 5, 20_000, 1);
        }
    }

    static final Set<String> SECTIONS = Set.of("drain", "first-token", "start-up", "tui", "relay", "rooms");

    private Bench(Plan plan, Path jar, Path launcher, Path scratch, Set<String> only) {
        this.plan = plan;
        this.jar = jar;
        this.launcher = launcher;
        this.scratch = scratch;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.fullRun();
        Set<String> only = SECTIONS;
        Path jar = null;
        Path launcher = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> plan = Plan.quickRun();
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--jar" -> jar = Path.of(args[++i]).toAbsolutePath();
                case "--launcher" -> launcher = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (jar == null || launcher == null) {
            throw new IllegalArgumentException("usage: Bench --jar ABS_JAR --launcher LAUNCHER [--quick] [--only SECTION,...]");
        }
        if (!SECTIONS.containsAll(only)) {
            throw new IllegalArgumentException("--only takes some of " + String.join(",", new TreeSet<>(SECTIONS)));
        }
        Path scratch = Files.createTempDirectory("holysheep-bench");
        try {
            new Bench(plan, jar, launcher, scratch, only).run();
        } finally {
            try (var files = Files.walk(scratch)) {
                for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        report.section(String.format(Locale.ROOT, "holysheep-chat benchmark (%s) — %d cores, load average at start %s",
                plan.quick() ? "quick" : "full", Runtime.getRuntime().availableProcessors(), loadAverage()));
        report.row("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.row("client", launcher + " (JVM options: " + System.getenv().getOrDefault("HOLYSHEEP_JAVA_OPTS", "launcher defaults") + ")");
        report.figure("quick", plan.quick() ? "1" : "0");
        try (SimGateway small = SimGateway.start(SimOptions.defaults().unpaced().withAnswerTokens(plan.smallTokens()));
             SimGateway large = SimGateway.start(SimOptions.defaults().unpaced().withAnswerTokens(plan.largeTokens()))) {
            Path body = scratch.resolve("body.json");
            // Byte for byte what the client sends for the prompt "benchmark".
            Files.writeString(body, new ChatRequest("gpt-4.1", List.of(ChatMessage.user("benchmark")), null, null).toJson(true));
            Sides smallSides = new Sides(small.baseUrl(), body);
            Sides largeSides = new Sides(large.baseUrl(), body);
            warmUp(smallSides, largeSides);
            if (measures("drain")) {
                drain(smallSides, largeSides);
            }
            if (measures("first-token")) {
                firstToken(smallSides);
                inProcess(smallSides, largeSides);
            }
            if (measures("start-up")) {
                startUp(smallSides);
                launcherCheck(smallSides);
            }
            if (measures("tui")) {
                new TuiRuns(plan, jar, scratch, report).run();
            }
            if (measures("rooms")) {
                try (SimGateway story = SimGateway.start(SimOptions.defaults().withTokensPerSecond(200).withAnswerTokens(3000))) {
                    new RoomsBench(plan, launcher, scratch, report).run(story.baseUrl());
                }
            }
            if (measures("relay")) {
                new RelayBench(plan, jar, launcher, scratch, report).run(large.baseUrl(), body);
            }
        }
        report.row("load average at end", loadAverage());
        report.print(System.out);
    }

    /** The client and curl commands for one gateway, and how to run them. */
    private final class Sides {
        final String baseUrl;
        final Map<String, String> env = new HashMap<>();
        final Processes processes;
        final List<String> client;
        final List<String> clientPlain;
        final List<String> curl;
        /** The launcher with C2 back on, to show what stopping at C1 costs a long drain. */
        final Processes fullJit;

        Sides(String baseUrl, Path body) {
            this.baseUrl = baseUrl;
            env.put("HOLYSHEEP_BASE_URL", baseUrl);
            env.put("HOLYSHEEP_API_KEY", "bench");
            // A user's own config file must not change what is measured.
            env.put("HOLYSHEEP_CONFIG", scratch.resolve("no-config.toml").toString());
            // Answers are saved as by default, but into a scratch history, never the user's.
            env.put("XDG_DATA_HOME", scratch.resolve("data").toString());
            this.processes = new Processes(env, scratch);
            Map<String, String> c2 = new HashMap<>(env);
            c2.put("HOLYSHEEP_JAVA_OPTS", (System.getenv().getOrDefault("HOLYSHEEP_JAVA_OPTS", "") + " -XX:TieredStopAtLevel=4").strip());
            this.fullJit = new Processes(c2, scratch);
            this.client = List.of(launcher.toString(), "benchmark");
            this.clientPlain = List.of(javaBinary(), "-jar", jar.toString(), "benchmark");
            this.curl = List.of("curl", "-sN", "-H", "Content-Type: application/json", "-d", "@" + body, baseUrl + "/chat/completions");
        }
    }

    private boolean measures(String section) {
        return only.contains(section);
    }

    /** Both gateways serve a few streams first, so their JIT warm-up is not charged to the first runs. */
    private void warmUp(Sides small, Sides large) throws Exception {
        for (int i = 0; i < 3; i++) {
            small.processes.drain(small.curl);
            large.processes.drain(large.curl);
        }
        // The launcher may list the classes for its start-up archive on its first run and dump the
        // archive in the background after it; neither that run nor the dump is measured.
        small.processes.drain(small.client);
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
        if (!"0".equals(System.getenv("HOLYSHEEP_CDS")) && !LauncherArchive.awaitMade(archive, Duration.ofSeconds(120))) {
            report.row("start-up archive", "not made within 120 s: start-up figures are without it");
        }
    }

    private void drain(Sides small, Sides large) throws Exception {
        List<Double> cs = new ArrayList<>(), cl = new ArrayList<>(), us = new ArrayList<>(), ul = new ArrayList<>();
        List<Double> pl = new ArrayList<>(), rss = new ArrayList<>(), curlRss = new ArrayList<>();
        for (int i = 0; i < plan.drainRuns(); i++) {
            Processes.Run a = small.processes.drain(small.client);
            cs.add(a.seconds());
            us.add(small.processes.drain(small.curl).seconds());
            Processes.Run b = large.processes.drain(large.client);
            cl.add(b.seconds());
            rss.add(b.peakRssMb());
            Processes.Run c = large.processes.drain(large.curl);
            ul.add(c.seconds());
            curlRss.add(c.peakRssMb());
            pl.add(large.fullJit.drain(large.client).seconds());
        }
        int extra = plan.largeTokens() - plan.smallTokens();
        Samples clientSmall = Samples.of(cs), clientLarge = Samples.of(cl), curlSmall = Samples.of(us), curlLarge = Samples.of(ul);
        double clientPerToken = (clientLarge.median() - clientSmall.median()) / extra;
        double curlPerToken = (curlLarge.median() - curlSmall.median()) / extra;
        report.section(String.format(Locale.ROOT, "1. Drain to /dev/null, whole process (wall time from spawn to exit; %d and %d tokens)",
                plan.smallTokens(), plan.largeTokens()));
        report.row("client " + plan.smallTokens(), clientSmall.spread("s", 3));
        report.row("client " + plan.largeTokens(), clientLarge.spread("s", 3));
        report.row("client " + plan.largeTokens() + " (launcher, C2 on: TieredStopAtLevel=4)", Samples.of(pl).spread("s", 3));
        report.row("curl -N " + plan.smallTokens(), curlSmall.spread("s", 3));
        report.row("curl -N " + plan.largeTokens(), curlLarge.spread("s", 3));
        report.row("client per token (Δ medians / " + extra + ")", perToken(clientPerToken));
        report.row("curl per token", perToken(curlPerToken));
        report.row("client / curl per-token cost", String.format(Locale.ROOT, "%.1f×", clientPerToken / curlPerToken));
        report.row("client peak RSS, " + plan.largeTokens() + " tokens", Samples.of(rss).spread("MB", 0));
        report.row("curl peak RSS, " + plan.largeTokens() + " tokens", Samples.of(curlRss).spread("MB", 0));
        report.figure("drain_client_small_s", clientSmall.median(), 3);
        report.figure("drain_client_large_s", clientLarge.median(), 3);
        report.figure("drain_client_large_c2_s", Samples.of(pl).median(), 3);
        report.figure("drain_curl_small_s", curlSmall.median(), 3);
        report.figure("drain_curl_large_s", curlLarge.median(), 3);
        report.figure("drain_client_tokens_per_s", 1 / clientPerToken, 0);
        report.figure("drain_curl_tokens_per_s", 1 / curlPerToken, 0);
        report.figure("drain_client_curl_ratio", clientPerToken / curlPerToken, 2);
        report.figure("rss_drain_mb", Samples.of(rss).max(), 0);
        if (!(clientPerToken > 0) || !(curlPerToken > 0)) {
            // The longer stream's median was not slower: load swamped the difference in this run.
            report.row("per-token figures", "n/a: noise exceeded the difference between the two streams; run again");
            clientPerToken = Double.NaN;
            report.figure("drain_client_tokens_per_s", "na");
            report.figure("drain_client_curl_ratio", "na");
        }
        double beyond = clientPerToken * 48_000;
        report.target("drain", ">= 200000 tokens/s", 1 / clientPerToken,
                String.format(Locale.ROOT, "%.0f tokens/s (48k: +%.3f s)", 1 / clientPerToken, beyond), 1 / clientPerToken >= 200_000);
    }

    private void firstToken(Sides small) throws Exception {
        List<Double> client = new ArrayList<>(), curl = new ArrayList<>();
        for (int i = 0; i < plan.ttftRuns(); i++) {
            client.add(small.processes.firstByte(small.client));
            curl.add(small.processes.firstLine(small.curl, CONTENT_LINE));
        }
        Samples c = Samples.of(client), u = Samples.of(curl);
        report.section("2a. First token, whole process (spawn → first answer byte on stdout; client includes JVM start-up)");
        report.row("client (launcher)", c.scaled(1000).spread("ms", 1));
        report.row("curl -N (first content data line)", u.scaled(1000).spread("ms", 1));
        report.figure("ttft_process_client_ms", c.median() * 1000, 1);
        report.figure("ttft_process_curl_ms", u.median() * 1000, 1);
        report.figure("oneshot_first_token_ms", c.median() * 1000, 1);
        report.target("one-shot to first token", "<= 350 ms (median, process)", c.median(), Report.ms(c.median()), c.median() <= 0.350);
    }

    private void inProcess(Sides small, Sides large) throws Exception {
        InProcess client = new InProcess(small.baseUrl, scratch);
        List<String> curlTimes = new ArrayList<>(small.curl);
        curlTimes.addAll(1, List.of("-o", "/dev/null", "-w", "%{time_starttransfer}"));
        report.section("2b. First token inside a running client (new client and connection each run)");
        // Twice: early in the process's life, when most of the request path still runs in the
        // interpreter (as in a one-shot or a chat's first turns), and once the JIT has compiled
        // it, which is how curl's native code always runs. The target is judged on the second.
        int early = Math.max(10, plan.inProcessRuns() / 2);
        Gap first = firstTokenGap(client, small.processes, curlTimes, early, "after " + early + " requests");
        Gap warm = firstTokenGap(client, small.processes, curlTimes, plan.jitWarmRequests() - early,
                "JIT-warm, after " + plan.jitWarmRequests() + " requests");
        report.figure("ttft_inproc_early_client_ms", first.client() * 1000, 2);
        report.figure("ttft_inproc_early_gap_ms", first.gap() * 1000, 2);
        report.figure("ttft_inproc_client_ms", warm.client() * 1000, 2);
        report.figure("ttft_inproc_curl_ms", warm.curl() * 1000, 2);
        report.figure("ttft_inproc_gap_ms", warm.gap() * 1000, 2);
        report.target("first token vs curl", "<= +2 ms (JIT-warm client)", warm.gap(),
                String.format(Locale.ROOT, "%+.2f ms (after %d requests: %+.2f ms)", warm.gap() * 1000, early, first.gap() * 1000),
                warm.gap() <= 0.002);

        InProcess drainer = new InProcess(large.baseUrl, scratch);
        for (int i = 0; i < 3; i++) {
            drainer.oneShotToDevNull();
        }
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < Math.max(3, plan.drainRuns() / 2); i++) {
            d.add(drainer.oneShotToDevNull());
        }
        Samples ds = Samples.of(d);
        report.row("warm one-shot, " + plan.largeTokens() + " tokens to /dev/null", ds.spread("s", 3));
        report.row("  = tokens per second", String.format(Locale.ROOT, "%.0f", plan.largeTokens() / ds.median()));
        report.figure("drain_warm_tokens_per_s", plan.largeTokens() / ds.median(), 0);
    }

    /** Client and curl medians of one measured batch, and the client's lead or lag. */
    private record Gap(double client, double curl) {
        double gap() {
            return client - curl;
        }
    }

    /** Runs {@code warmUp} unmeasured requests, then measures, each client run paired with a curl run. */
    private Gap firstTokenGap(InProcess client, Processes curl, List<String> curlTimes, int warmUp, String label) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            client.firstDelta();
        }
        List<Double> c = new ArrayList<>(), u = new ArrayList<>();
        for (int i = 0; i < plan.inProcessRuns(); i++) {
            c.add(client.firstDelta());
            u.add(Double.parseDouble(curl.output(curlTimes).strip()));
        }
        Samples cs = Samples.of(c), us = Samples.of(u);
        Gap gap = new Gap(cs.median(), us.median());
        report.row("client, " + label + ": Turn.start() → first Delta", cs.scaled(1000).spread("ms", 2));
        report.row("  curl in the same runs: time_starttransfer", us.scaled(1000).spread("ms", 2));
        report.row("  client − curl (medians)", String.format(Locale.ROOT, "%+.2f ms", gap.gap() * 1000));
        return gap;
    }

    private void startUp(Sides small) throws Exception {
        List<Double> version = new ArrayList<>(), plain = new ArrayList<>();
        List<String> launcherVersion = List.of(launcher.toString(), "--version");
        List<String> plainVersion = List.of(javaBinary(), "-jar", jar.toString(), "--version");
        List<Double> firstPlain = new ArrayList<>();
        for (int i = 0; i < plan.startupRuns(); i++) {
            version.add(small.processes.wall(launcherVersion));
            plain.add(small.processes.wall(plainVersion));
            firstPlain.add(small.processes.firstByte(small.clientPlain));
        }
        Samples v = Samples.of(version), p = Samples.of(plain), f = Samples.of(firstPlain);
        report.section("3. Start-up, whole process");
        report.row("--version (launcher)", v.scaled(1000).spread("ms", 0));
        report.row("--version (java -jar, no launcher opts)", p.scaled(1000).spread("ms", 0));
        report.row("one-shot to first token (launcher)", "see 2a");
        report.row("one-shot to first token (java -jar)", f.scaled(1000).spread("ms", 0));
        String heavy = heavyClassesForVersion();
        report.row("libraries loaded by --version", heavy.isEmpty() ? "none (checked with -verbose:class)" : heavy);
        report.figure("version_ms", v.median() * 1000, 0);
        report.figure("version_plain_ms", p.median() * 1000, 0);
        report.figure("oneshot_first_token_plain_ms", f.median() * 1000, 0);
        report.figure("version_libraries", heavy.isEmpty() ? "none" : heavy.replace(' ', ','));
        report.target("version", "<= 200 ms (median, process)", v.median(), Report.ms(v.median()), v.median() <= 0.200);
    }

    private void launcherCheck(Sides small) throws Exception {
        List<String> failed = LauncherCheck.run(launcher, jar, small.env, scratch);
        report.section("3b. Launcher start-up archive (a copy of launcher and jar: missing, made, used, corrupt, stale)");
        report.row("stdout identical to a run without archive", failed.isEmpty() ? "yes, 13 checks" : "NO");
        failed.forEach(f -> report.row("  failed", f));
        report.figure("launcher_stdout_clean", failed.isEmpty() ? "yes" : "no");
    }

    /** Which of the heavy libraries (and picocli's command model) {@code --version} loads; it should load none. */
    private String heavyClassesForVersion() throws IOException, InterruptedException {
        Processes quiet = new Processes(Map.of(), scratch);
        String log = quiet.output(List.of(javaBinary(), "-verbose:class", "-jar", jar.toString(), "--version"));
        List<String> found = new ArrayList<>();
        Map<String, String> libraries = Map.of("okhttp3.", "okhttp", "com.fasterxml.jackson.", "jackson",
                "org.sqlite.", "sqlite", "com.googlecode.lanterna.", "lanterna", "kotlin.", "kotlin", "org.commonmark.", "commonmark",
                // picocli's command model (annotation reflection over every command): --version alone is answered before it.
                "picocli.CommandLine$Model", "picocli-model");
        libraries.forEach((prefix, name) -> {
            if (log.contains(" " + prefix)) {
                found.add(name);
            }
        });
        found.sort(null);
        return String.join(" ", found);
    }

    private static String perToken(double seconds) {
        return String.format(Locale.ROOT, "%.2f µs  (%.0f tokens/s)", seconds * 1e6, 1 / seconds);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
