package ai.holysheep.chat.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human table, section by section, then one {@code name=value} line for scripts. */
final class Report {
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();

    void section(String title) {
        rows.add(new String[] {title});
    }

    void row(String label, String value) {
        rows.add(new String[] {label, value});
    }

    void figure(String name, double value, int decimals) {
        figures.put(name, Double.isNaN(value) ? "na" : String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    void figure(String name, String value) {
        figures.put(name, value);
    }

    /** One target, judged on the measured figure; {@code NaN} means it could not be judged. */
    void target(String name, String goal, double measured, String shown, boolean met) {
        String verdict = Double.isNaN(measured) ? "not measured" : met ? "MET" : "NOT MET";
        targets.add(String.format(Locale.ROOT, "  %-28s %-30s %-26s %s", name, goal, shown, verdict));
        figures.put("target_" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_"), Double.isNaN(measured) ? "na" : met ? "met" : "not_met");
    }

    void print(PrintStream out) {
        for (String[] row : rows) {
            if (row.length == 1) {
                out.println();
                out.println(row[0]);
            } else {
                out.printf(Locale.ROOT, "  %-44s %s%n", row[0], row[1]);
            }
        }
        out.println();
        out.println("Targets");
        targets.forEach(out::println);
        out.println();
        StringBuilder line = new StringBuilder("bench");
        figures.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        out.println(line);
        out.flush();
    }

    static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
    }
}
