package ai.holysheep.chat.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What {@code doctor} reports about the terminal: locale, colours and size. */
final class TerminalCheck {
    /** Narrower than this and wrapped answers become hard to read. */
    static final int MIN_COLUMNS = 40;

    record Result(boolean ok, String line, String fix) {
    }

    private TerminalCheck() {
    }

    static List<Result> run(Io io) {
        List<Result> results = new ArrayList<>();
        results.add(locale(io.env()));
        if (!io.stdoutIsTerminal()) {
            results.add(new Result(true, "stdout is not a terminal: plain text, no colours", null));
            return results;
        }
        results.add(colours(io.env()));
        results.add(size(io.env()));
        return results;
    }

    static Result locale(Map<String, String> env) {
        String name = "LANG";
        String value = env.get("LANG");
        for (String n : List.of("LC_ALL", "LC_CTYPE")) {
            String v = env.get(n);
            if (v != null && !v.isEmpty()) {
                name = n;
                value = v;
                break;
            }
        }
        String lower = value == null ? "" : value.toLowerCase(Locale.ROOT);
        if (lower.contains("utf-8") || lower.contains("utf8")) {
            return new Result(true, "UTF-8 locale (" + name + "=" + value + ")", null);
        }
        return new Result(false, "the locale is not UTF-8 (" + name + "=" + (value == null ? "unset" : value)
                + "): Hangul and emoji may show as '?' in this terminal",
                "export LANG=C.UTF-8 (or your language's .UTF-8 locale) in your shell profile");
    }

    static Result colours(Map<String, String> env) {
        String term = env.getOrDefault("TERM", "");
        if (term.isEmpty() || term.equals("dumb")) {
            return new Result(false, "TERM is " + (term.isEmpty() ? "unset" : "dumb") + ": no colours or cursor control",
                    "export TERM=xterm-256color (or what your terminal emulator documents)");
        }
        String depth;
        if (env.containsKey("NO_COLOR")) {
            depth = "colours turned off by NO_COLOR";
        } else {
            String colorterm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
            depth = colorterm.equals("truecolor") || colorterm.equals("24bit") ? "24-bit colour"
                    : term.contains("256color") ? "256 colours" : "16 colours";
        }
        return new Result(true, "terminal " + term + " with " + depth, null);
    }

    static Result size(Map<String, String> env) {
        int[] size = sttySize();
        if (size == null) {
            size = envSize(env);
        }
        if (size == null) {
            return new Result(true, "terminal size unknown (no /dev/tty to ask); 80×24 is assumed", null);
        }
        String text = "terminal size " + size[1] + "×" + size[0];
        if (size[1] < MIN_COLUMNS) {
            return new Result(false, text + ": narrower than " + MIN_COLUMNS + " columns",
                    "widen the window (answers wrap to its width)");
        }
        return new Result(true, text, null);
    }

    /** {@code stty size} on the controlling terminal: "rows columns". */
    private static int[] sttySize() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("stty", "size")
                    .redirectInput(ProcessBuilder.Redirect.from(tty))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return parse(text.split("\\s+"));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int[] envSize(Map<String, String> env) {
        String rows = env.get("LINES");
        String cols = env.get("COLUMNS");
        return rows == null || cols == null ? null : parse(new String[] {rows, cols});
    }

    private static int[] parse(String[] rowsCols) {
        if (rowsCols.length != 2) {
            return null;
        }
        try {
            int rows = Integer.parseInt(rowsCols[0].strip());
            int cols = Integer.parseInt(rowsCols[1].strip());
            return rows > 0 && cols > 0 ? new int[] {rows, cols} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
