package ai.holysheep.chat.serve;

import ai.holysheep.chat.config.Durations;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.store.TeamStore;
import ai.holysheep.chat.store.UsageTotal;
import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.render.TerminalSanitizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the relay spent, for {@code serve usage} and {@code GET /api/usage}: totals since a moment,
 * by member, model or day. Costs are from the price table in effect when each request ended.
 */
public record UsageReport(Instant since, TeamStore.Grouping by, List<UsageTotal> totals) {

    /**
     * @param since  how far back, as a duration ({@code 7d}, {@code 12h}); null for 7 days
     * @param by     {@code member}, {@code model} or {@code day}; null for member
     * @param member only this member's requests, or everyone's when null
     * @throws IllegalArgumentException naming the value that is wrong
     */
    public static UsageReport of(TeamStore store, String since, String by, String member, Clock clock) {
        Instant from = clock.instant().minus(Durations.parse(since == null ? "7d" : since));
        TeamStore.Grouping grouping = switch (by == null ? "member" : by.toLowerCase(Locale.ROOT)) {
            case "member" -> TeamStore.Grouping.MEMBER;
            case "model" -> TeamStore.Grouping.MODEL;
            case "day" -> TeamStore.Grouping.DAY;
            default -> throw new IllegalArgumentException("'by' must be member, model or day, not '" + by + "'");
        };
        return new UsageReport(from, grouping, store.usage(from, grouping, member));
    }

    public String json() {
        return Frames.json(g -> {
            g.writeStringField("since", since.toString());
            g.writeStringField("by", by.name().toLowerCase(Locale.ROOT));
            g.writeArrayFieldStart("data");
            for (UsageTotal t : totals) {
                g.writeStartObject();
                g.writeStringField(by.name().toLowerCase(Locale.ROOT), t.key());
                g.writeNumberField("requests", t.requests());
                g.writeNumberField("prompt_tokens", t.promptTokens());
                g.writeNumberField("completion_tokens", t.completionTokens());
                g.writeNumberField("wasted_tokens", t.wastedTokens());
                g.writeFieldName("cost_usd");
                g.writeRawValue(Price.plain(Price.rounded(t.costUsd())));
                g.writeNumberField("resumes", t.resumes());
                g.writeNumberField("failures", t.failures());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** Aligned columns for a terminal, one row per key and a total; names may be Hangul. */
    public List<String> table() {
        String heading = by.name().toLowerCase(Locale.ROOT);
        int width = Math.max(heading.length(), "total".length());
        for (UsageTotal t : totals) {
            width = Math.max(width, DisplayWidth.of(TerminalSanitizer.clean(t.key())));
        }
        String numbers = "  %8s  %12s  %12s  %8s  %10s  %7s";
        List<String> lines = new ArrayList<>();
        lines.add(padded(heading, width) + String.format(Locale.ROOT, numbers, "requests", "prompt", "completion",
                "wasted", "cost $", "resumes"));
        UsageTotal sum = new UsageTotal("total", 0, 0, 0, 0, 0, 0, 0);
        for (UsageTotal t : totals) {
            lines.add(row(t, width, numbers));
            sum = new UsageTotal("total", sum.requests() + t.requests(), sum.promptTokens() + t.promptTokens(),
                    sum.completionTokens() + t.completionTokens(), sum.wastedTokens() + t.wastedTokens(),
                    sum.costUsd() + t.costUsd(), sum.resumes() + t.resumes(), sum.failures() + t.failures());
        }
        lines.add(row(sum, width, numbers));
        return lines;
    }

    private static String row(UsageTotal t, int width, String numbers) {
        return padded(TerminalSanitizer.clean(t.key()), width) + String.format(Locale.ROOT, numbers, t.requests(),
                t.promptTokens(), t.completionTokens(), t.wastedTokens(),
                String.format(Locale.ROOT, "%.4f", t.costUsd()), t.resumes());
    }

    private static String padded(String text, int width) {
        return text + " ".repeat(Math.max(0, width - DisplayWidth.of(text)));
    }

}
