package ai.holysheep.chat.serve;

import ai.holysheep.chat.config.Durations;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.store.TeamStore;
import ai.holysheep.chat.store.UsageTotal;
import java.time.Clock;
import java.time.Instant;
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
                g.writeRawValue(Price.plain(t.costUsd()));
                g.writeNumberField("resumes", t.resumes());
                g.writeNumberField("failures", t.failures());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** Aligned columns for a terminal, one row per key and a total. */
    public List<String> table() {
        String heading = by.name().toLowerCase(Locale.ROOT);
        int width = Math.max(heading.length(), "total".length());
        for (UsageTotal t : totals) {
            width = Math.max(width, t.key().length());
        }
        String row = "%-" + width + "s  %8s  %12s  %12s  %8s  %10s  %7s";
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(Locale.ROOT, row, heading, "requests", "prompt", "completion", "wasted", "cost $",
                "resumes").stripTrailing());
        long requests = 0;
        long prompt = 0;
        long completion = 0;
        long wasted = 0;
        double cost = 0;
        long resumes = 0;
        for (UsageTotal t : totals) {
            lines.add(String.format(Locale.ROOT, row, t.key(), t.requests(), t.promptTokens(), t.completionTokens(),
                    t.wastedTokens(), String.format(Locale.ROOT, "%.4f", t.costUsd()), t.resumes()));
            requests += t.requests();
            prompt += t.promptTokens();
            completion += t.completionTokens();
            wasted += t.wastedTokens();
            cost += t.costUsd();
            resumes += t.resumes();
        }
        lines.add(String.format(Locale.ROOT, row, "total", requests, prompt, completion, wasted,
                String.format(Locale.ROOT, "%.4f", cost), resumes));
        return lines;
    }
}
