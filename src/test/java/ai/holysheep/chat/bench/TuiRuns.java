package ai.holysheep.chat.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section 4: runs {@link TuiBench} in child JVMs started with the launcher's JVM options, with an
 * empty conversation and with a 10,000-message one, and reports frames, frame time, CPU, key echo
 * and peak RSS.
 */
final class TuiRuns {
    static final double TOKENS_PER_SECOND = 20_000;
    static final int LONG_HISTORY = 10_000;

    private final Bench.Plan plan;
    private final Path jar;
    private final Path scratch;
    private final Report report;

    TuiRuns(Bench.Plan plan, Path jar, Path scratch, Report report) {
        this.plan = plan;
        this.jar = jar;
        this.scratch = scratch;
        this.report = report;
    }

    void run() throws Exception {
        Processes processes = new Processes(Map.of(), scratch);
        Map<Integer, List<Map<String, Double>>> results = new HashMap<>();
        for (int i = 0; i < plan.tuiRuns(); i++) {
            for (int messages : new int[] {0, LONG_HISTORY}) {
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn16m",
                        "-cp", System.getProperty("java.class.path"),
                        TuiBench.class.getName(), Integer.toString(messages), Double.toString(TOKENS_PER_SECOND),
                        Integer.toString(plan.tuiTokens()));
                Processes.Reported r = processes.reported(command);
                Map<String, Double> figures = parse(r.stdout());
                figures.put("rss_mb", r.peakRssMb());
                results.computeIfAbsent(messages, k -> new ArrayList<>()).add(figures);
            }
        }
        report.section(String.format(Locale.ROOT,
                "4. Full-screen chat on a virtual 120×40 terminal: %,d tokens at %,.0f tokens/s, a key typed every 50 ms "
                        + "(after one warm-up answer; %d run(s) each)", plan.tuiTokens(), TOKENS_PER_SECOND, plan.tuiRuns()));
        double emptyP50 = Double.NaN;
        for (int messages : new int[] {0, LONG_HISTORY}) {
            List<Map<String, Double>> runs = results.get(messages);
            String label = messages == 0 ? "empty conversation" : String.format(Locale.ROOT, "%,d-message conversation", messages);
            Samples p50 = pick(runs, "frame_p50_ms");
            Samples p99 = pick(runs, "frame_p99_ms");
            Samples echo = pick(runs, "echo_p99_ms");
            Samples rss = pick(runs, "rss_mb");
            report.row(label + ": frames drawn", pick(runs, "frames").spread("", 0) + " in " + pick(runs, "wall_s").spread("s", 2));
            report.row("  frame time (draw + refresh) p50", p50.spread("ms", 2));
            report.row("  frame time p99", p99.spread("ms", 2));
            report.row("  UI thread CPU (% of one core)", pick(runs, "ui_cpu_pct").spread("%", 0));
            report.row("  whole process CPU, gateway included", pick(runs, "process_cpu_pct").spread("%", 0));
            report.row("  key press → echo on screen p50", pick(runs, "echo_p50_ms").spread("ms", 1));
            report.row("  key press → echo on screen p99", echo.spread("ms", 1));
            report.row("  peak RSS (in-process gateway included)", rss.spread("MB", 0));
            String key = messages == 0 ? "tui_empty" : "tui_history";
            report.figure(key + "_frame_p50_ms", p50.median(), 2);
            report.figure(key + "_frame_p99_ms", p99.median(), 2);
            report.figure(key + "_echo_p99_ms", echo.median(), 1);
            report.figure(key + "_rss_mb", rss.max(), 0);
            if (messages == 0) {
                emptyP50 = p50.median();
                report.target("tui frame p99", "<= 16 ms at 20k tokens/s", p99.median(), Report.ms(p99.median() / 1000),
                        p99.median() <= 16);
                report.target("tui key echo", "<= 50 ms (p99)", echo.median(), Report.ms(echo.median() / 1000), echo.median() <= 50);
            } else {
                double growth = p50.median() / emptyP50 - 1;
                report.row("  frame time p50 vs empty conversation", String.format(Locale.ROOT, "%+.0f %%", growth * 100));
                report.figure("tui_history_frame_growth_pct", growth * 100, 0);
                report.target("tui frame vs history", "within 10 % (p50)", growth,
                        String.format(Locale.ROOT, "%+.0f %%", growth * 100), Math.abs(growth) <= 0.10);
                report.target("tui peak RSS", "<= 200 MB (10k messages)", rss.max(), String.format(Locale.ROOT, "%.0f MB", rss.max()),
                        rss.max() <= 200);
            }
        }
    }

    private static Samples pick(List<Map<String, Double>> runs, String name) {
        List<Double> values = new ArrayList<>();
        for (Map<String, Double> run : runs) {
            values.add(run.getOrDefault(name, Double.NaN));
        }
        return Samples.of(values);
    }

    private static Map<String, Double> parse(String line) {
        Map<String, Double> figures = new HashMap<>();
        for (String pair : line.strip().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                figures.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
            }
        }
        return figures;
    }
}
