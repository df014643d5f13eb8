package ai.holysheep.chat.bench;

import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** The length of the answers the relay's first token is measured on ({@link #run}). */
    private static final int BRIEF_ANSWER_TOKENS = 16;
    /** Requests served before the relay's first token is measured ({@link #firstToken}). */
    private static final int RELAY_WARM_UP = 5_000;

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

    /** @param largeUrl a gateway with long answers, for the concurrent streams */
    void run(String largeUrl, Path body) throws Exception {
        Path config = scratch.resolve("relay.toml");
        // One member opens every stream, so its limits are lifted for the measurement.
        Files.writeString(config, "[serve]\nmax_streams = 1000\nrequests_per_minute = 1000000\n");
        Path db = scratch.resolve("relay.db");
        Map<String, String> env = Map.of("HOLYSHEEP_API_KEY", "bench", "XDG_DATA_HOME", scratch.resolve("data").toString());
        String token = command(env, List.of("serve", "members", "add", "bench", "--db", db.toString())).strip();
        report.section("4. Relay (serve in its own process, through the launcher; upstream the simulated gateway)");
        // The first token comes through a gateway of its own whose answers are short: the rest of
        // an unpaced answer of 2,000 tokens floods the two cores (gateway, relay and curl) just as
        // the first is passed on, and the figure measured that flood (+3.0 ms, against +1.0 ms with
        // 16 tokens, on a quiet machine); a real gateway paces its tokens.
        try (SimGateway brief = SimGateway.start(SimOptions.defaults().unpaced().withAnswerTokens(BRIEF_ANSWER_TOKENS))) {
            RelayProcess relay = RelayProcess.start(launcher, env, config, db, brief.baseUrl(), scratch);
            try {
                firstToken(relay.url(), brief.baseUrl(), token, body);
            } finally {
                relay.stop();
            }
        }
        RelayProcess relay = RelayProcess.start(launcher, env, config, db, largeUrl, scratch);
        try {
            concurrent(relay, largeUrl, token, body);
        } finally {
            relay.stop();
        }
    }

    private void firstToken(String relayUrl, String directUrl, String token, Path body) throws Exception {
        Processes curl = new Processes(Map.of(), scratch);
        List<String> direct = firstByte(directUrl, "bench", body);
        List<String> relayed = firstByte(relayUrl, token, body);
        // A relay that has served a while has its request path compiled by C2, which takes
        // thousands of requests: after 200 alone it ran profiled C1 code and was 5.3 ms behind the
        // gateway; after 8,000, 1.4 ms. Each warm-up request comes on a connection of its own, as
        // curl's do, so that accepting one is warm too.
        byte[] request = warmUpRequest(relayUrl, token, Files.readAllBytes(body));
        for (int i = 0; i < RELAY_WARM_UP; i++) {
            oneRequest(relayUrl, request);
        }
        for (int i = 0; i < 200; i++) {
            seconds(curl.output(direct));
            seconds(curl.output(relayed));
        }
        List<Double> d = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> gap = new ArrayList<>();
        for (int i = 0; i < Math.max(plan.ttftRuns(), 201); i++) {
            double a = seconds(curl.output(direct));
            double b = seconds(curl.output(relayed));
            d.add(a);
            r.add(b);
            gap.add(b - a);
        }
        Samples ds = Samples.of(d).scaled(1000);
        Samples rs = Samples.of(r).scaled(1000);
        Samples gs = Samples.of(gap).scaled(1000);
        report.row("curl -N straight to the gateway: request → first byte", ds.spread("ms", 2));
        report.row("curl -N through the relay: request → first byte", rs.spread("ms", 2));
        report.row("  relay − straight, paired runs", gs.spread("ms", 2));
        report.figure("relay_first_token_gap_ms", gs.median(), 2);
        report.target("relay first token", "<= +1 ms at p50", gs.median() / 1000,
                String.format(Locale.ROOT, "%+.2f ms", gs.median()), gs.median() <= 1.0);
    }

    /**
     * curl's own clock from the start of its transfer (connecting included) to the answer's first
     * byte, which for this unpaced gateway carries the first content, as the relay's does (it
     * sends nothing before it): the time a process takes to start, several milliseconds here and
     * never the same twice, is left out, and with it most of the noise around a 1 ms target.
     */
    private static List<String> firstByte(String url, String key, Path body) {
        return List.of("curl", "-sN", "-o", "/dev/null", "-w", "%{time_starttransfer}", "-H", "Authorization: Bearer " + key,
                "-H", "Content-Type: application/json", "-d", "@" + body, url + "/chat/completions");
    }

    private static double seconds(String curlFigure) throws IOException {
        try {
            return Double.parseDouble(curlFigure.strip());
        } catch (NumberFormatException e) {
            throw new IOException("curl printed '" + curlFigure.strip() + "', not a time");
        }
    }

    /** A streamed request for {@code url}'s chat completions, on a connection the relay closes after it. */
    private static byte[] warmUpRequest(String url, String key, byte[] body) {
        URI uri = URI.create(url + "/chat/completions");
        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: Bearer " + key + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head8, head8.length + body.length);
        System.arraycopy(body, 0, all, head8.length, body.length);
        return all;
    }

    /** Sends {@code request} on a new connection and reads the answer to its end. */
    private static void oneRequest(String url, byte[] request) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(request);
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        }
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
