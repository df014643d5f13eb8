package ai.holysheep.chat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The relay section: {@code holysheep-chat serve} in its own process in front of the simulated
 * gateway (in the benchmark's process), measured with curl and with many concurrent plain
 * clients. What is about the relay (its CPU and memory) is read from its own process.
 */
final class RelayBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Bench.Plan plan;
    private final Path jar;
    private final Path launcher;
    private final Path scratch;
    private final Report report;

    RelayBench(Bench.Plan plan, Path jar, Path launcher, Path scratch, Report report) {
        this.plan = plan;
        this.jar = jar;
        this.launcher = launcher;
        this.scratch = scratch;
        this.report = report;
    }

    /**
     * @param smallUrl a gateway with short answers, for first token
     * @param largeUrl a gateway with long answers, for the concurrent streams
     */
    void run(String smallUrl, String largeUrl, Path body) throws Exception {
        Path config = scratch.resolve("relay.toml");
        // One member opens every stream, so its limits are lifted for the measurement.
        Files.writeString(config, "[serve]\nmax_streams = 1000\nrequests_per_minute = 1000000\n");
        Path db = scratch.resolve("relay.db");
        Map<String, String> env = Map.of("HOLYSHEEP_API_KEY", "bench", "XDG_DATA_HOME", scratch.resolve("data").toString());
        String token = command(env, List.of("serve", "members", "add", "bench", "--db", db.toString())).strip();
        report.section("4. Relay (serve in its own process, through the launcher; upstream the simulated gateway)");
        for (String[] upstream : new String[][] {{"small", smallUrl}, {"large", largeUrl}}) {
            RelayProcess relay = RelayProcess.start(launcher, env, config, db, upstream[1], scratch);
            try {
                if (upstream[0].equals("small")) {
                    firstToken(relay.url(), smallUrl, token, body);
                } else {
                    concurrent(relay, largeUrl, token, body);
                }
            } finally {
                relay.stop();
            }
        }
    }

    private void firstToken(String relayUrl, String directUrl, String token, Path body) throws Exception {
        Processes curl = new Processes(Map.of(), scratch);
        List<String> direct = contentLine(directUrl, "bench", body);
        List<String> relayed = contentLine(relayUrl, token, body);
        for (int i = 0; i < 200; i++) {
            // Warms the relay's JIT as a relay that has served a while is warm.
            curl.firstLine(direct, Bench.CONTENT_LINE);
            curl.firstLine(relayed, Bench.CONTENT_LINE);
        }
        List<Double> d = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> gap = new ArrayList<>();
        for (int i = 0; i < Math.max(plan.ttftRuns(), 41); i++) {
            double a = curl.firstLine(direct, Bench.CONTENT_LINE);
            double b = curl.firstLine(relayed, Bench.CONTENT_LINE);
            d.add(a);
            r.add(b);
            gap.add(b - a);
        }
        Samples ds = Samples.of(d).scaled(1000);
        Samples rs = Samples.of(r).scaled(1000);
        Samples gs = Samples.of(gap).scaled(1000);
        report.row("curl -N straight to the gateway: spawn → first content line", ds.spread("ms", 2));
        report.row("curl -N through the relay: spawn → first content line", rs.spread("ms", 2));
        report.row("  relay − straight, paired runs", gs.spread("ms", 2));
        report.figure("relay_first_token_gap_ms", gs.median(), 2);
        report.target("relay first token", "<= +1 ms at p50", gs.median() / 1000,
                String.format(Locale.ROOT, "%+.2f ms", gs.median()), gs.median() <= 1.0);
    }

    private static List<String> contentLine(String url, String key, Path body) {
        return List.of("curl", "-sN", "-H", "Authorization: Bearer " + key,
                "-H", "Content-Type: application/json", "-d", "@" + body, url + "/chat/completions");
    }

    private void concurrent(RelayProcess relay, String directUrl, String token, Path body) throws Exception {
        int streams = plan.quick() ? 20 : 100;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        String expected = text(client, directUrl, "bench", body);
        long tokens = streams * (long) plan.largeTokens();
        ExecutorService readers = Executors.newFixedThreadPool(streams);
        long cpuBefore = relay.cpuTicks();
        long start = System.nanoTime();
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return text(client, relay.url(), token, body);
                } catch (Exception e) {
                    return "failed: " + e;
                }
            }, readers));
        }
        int exact = 0;
        for (CompletableFuture<String> f : all) {
            if (f.get(300, TimeUnit.SECONDS).equals(expected)) {
                exact++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (relay.cpuTicks() - cpuBefore) / 100.0;
        readers.shutdown();
        report.row(streams + " concurrent streams of " + plan.largeTokens() + " tokens",
                String.format(Locale.ROOT, "%d/%d exact, %.2f s", exact, streams, seconds));
        report.row("  aggregate tokens per second", String.format(Locale.ROOT, "%.0f", tokens / seconds));
        report.row("  relay CPU (user + system)", String.format(Locale.ROOT, "%.2f s (%.0f %% of one core)",
                cpuSeconds, 100 * cpuSeconds / seconds));
        report.row("  relay peak RSS", String.format(Locale.ROOT, "%.0f MB", relay.peakRssMb()));
        report.figure("relay_concurrent_exact", exact + "/" + streams);
        report.figure("relay_concurrent_tokens_per_s", tokens / seconds, 0);
        report.figure("relay_rss_mb", relay.peakRssMb(), 0);
    }

    /** The answer's text as a plain SSE client reads it. */
    private static String text(HttpClient client, String url, String key, Path body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/chat/completions"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofFile(body)).build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        StringBuilder text = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("data: {")) {
                    JsonNode delta = JSON.readTree(line.substring(6)).path("choices").path(0).path("delta");
                    text.append(delta.path("content").asText(""));
                }
            }
        }
        return text.toString();
    }

    private String command(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Bench.javaBinary(), "-jar", jar.toString()));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("holysheep-chat " + String.join(" ", args) + " failed");
        }
        return out;
    }
}
