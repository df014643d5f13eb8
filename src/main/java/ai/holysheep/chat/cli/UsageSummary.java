package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.store.AnswerUsage;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The saved answers added up by day, model or conversation ({@code holysheep-chat usage}), with
 * the total last. Tokens are the whole turns', retried attempts included; "wasted" is the part
 * of them spent on attempts that broke. A cost adds up only the answers whose cost is known, and
 * says how many it leaves out, rather than look exact and be wrong.
 */
final class UsageSummary {
    /** What the answers are grouped by. */
    enum By {
        day, model, conversation;

        static By of(String word) {
            for (By by : values()) {
                if (by.name().equals(word.toLowerCase(Locale.ROOT))) {
                    return by;
                }
            }
            throw new CliException(ExitCode.USAGE, "--by must be day, model or conversation, not '"
                    + TerminalText.oneLine(word) + "'");
        }
    }

    /** One group's sums; {@code unpriced} counts its answers of unknown cost. */
    record Row(String key, long answers, long promptTokens, long completionTokens, long wastedTokens, double cost,
               long unpriced) {
        Row plus(AnswerUsage a) {
            return new Row(key, answers + 1, promptTokens + orZero(a.promptTokens()),
                    completionTokens + orZero(a.completionTokens()), wastedTokens + orZero(a.wastedTokens()),
                    cost + (a.cost() == null ? 0 : a.cost()), unpriced + (a.cost() == null ? 1 : 0));
        }

        Row plus(Row r) {
            return new Row(key, answers + r.answers, promptTokens + r.promptTokens, completionTokens + r.completionTokens,
                    wastedTokens + r.wastedTokens, cost + r.cost, unpriced + r.unpriced);
        }

        private static long orZero(Integer n) {
            return n == null ? 0 : n;
        }
    }

    private final Instant since;
    private final By by;
    private final List<Row> rows;
    private final Row total;

    private UsageSummary(Instant since, By by, List<Row> rows, Row total) {
        this.since = since;
        this.by = by;
        this.rows = rows;
        this.total = total;
    }

    /** Groups in the order they first appear, oldest first (so days run down the page). */
    static UsageSummary of(List<AnswerUsage> answers, Instant since, By by, ZoneId zone) {
        Function<AnswerUsage, String> key = switch (by) {
            case day -> a -> a.at().atZone(zone).toLocalDate().toString();
            case model -> a -> a.model() == null ? "(unknown)" : a.model();
            case conversation -> a -> a.conversationId() + " " + a.title();
        };
        Map<String, Row> groups = new LinkedHashMap<>();
        Row total = new Row("total", 0, 0, 0, 0, 0, 0);
        for (AnswerUsage a : answers) {
            String k = key.apply(a);
            groups.put(k, groups.getOrDefault(k, new Row(k, 0, 0, 0, 0, 0, 0)).plus(a));
        }
        for (Row r : groups.values()) {
            total = total.plus(r);
        }
        return new UsageSummary(since, by, List.copyOf(groups.values()), total);
    }

    long unpriced() {
        return total.unpriced();
    }

    /** Aligned columns; keys (titles, model names) may be Hangul or carry escapes from the network. */
    List<String> table() {
        String heading = by.name();
        int width = heading.length();
        List<String> keys = new ArrayList<>();
        for (Row r : rows) {
            String k = TerminalText.fit(TerminalText.oneLine(r.key()), 50);
            keys.add(k);
            width = Math.max(width, TerminalText.width(k));
        }
        String numbers = "  %7s  %12s  %12s  %10s  %10s";
        List<String> lines = new ArrayList<>();
        lines.add(TerminalText.padRight(heading, width)
                + String.format(Locale.ROOT, numbers, "answers", "tokens in", "tokens out", "wasted", "cost $"));
        for (int i = 0; i < rows.size(); i++) {
            lines.add(line(keys.get(i), rows.get(i), width, numbers));
        }
        lines.add(line("total", total, width, numbers));
        return lines;
    }

    private static String line(String key, Row r, int width, String numbers) {
        // An asterisk: some of this row's answers have no known cost, so the sum is a lower bound.
        String cost = String.format(Locale.ROOT, "%.4f", r.cost()) + (r.unpriced() > 0 ? "*" : " ");
        return TerminalText.padRight(key, width) + String.format(Locale.ROOT, numbers, r.answers(), r.promptTokens(),
                r.completionTokens(), r.wastedTokens(), cost);
    }

    String json() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("since", since.toString()).put("by", by.name());
        ArrayNode data = o.putArray("data");
        for (Row r : rows) {
            ObjectNode row = data.addObject();
            if (by == By.conversation) {
                // The id and the title apart, so a script need not split the key.
                String[] idAndTitle = r.key().split(" ", 2);
                row.put("conversation", Long.parseLong(idAndTitle[0])).put("title", idAndTitle[1]);
            } else {
                row.put(by.name(), r.key());
            }
            fields(row, r);
        }
        fields(o.putObject("total"), total);
        return o.toString();
    }

    private static void fields(ObjectNode o, Row r) {
        o.put("answers", r.answers()).put("prompt_tokens", r.promptTokens())
                .put("completion_tokens", r.completionTokens()).put("wasted_tokens", r.wastedTokens())
                .putRawValue("cost_usd", new RawValue(Price.plain(Price.rounded(r.cost()))));
        o.put("unpriced_answers", r.unpriced());
    }

}
