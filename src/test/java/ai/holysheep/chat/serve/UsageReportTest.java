package ai.holysheep.chat.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.store.FakeClock;
import ai.holysheep.chat.store.RelayedRequest;
import ai.holysheep.chat.store.TeamStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageReportTest {
    @TempDir
    Path dir;

    @Test
    void totalsAreGroupedWindowedAlignedAndPlain() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2026-12-02T12:00:00Z"));
        try (TeamStore store = TeamStore.open(dir.resolve("serve.db"), clock)) {
            Instant now = clock.instant();
            store.record(new RelayedRequest("지민", "gpt-4.1", now.minus(Duration.ofDays(9)), 200, "done",
                    1000, 1000, 0, 1.0, 10, 0, 0));
            store.record(new RelayedRequest("지민", "gpt-4.1", now.minus(Duration.ofHours(1)), 200, "done",
                    10, 20, 5, 0.0001918, 10, 1, 1));
            store.record(new RelayedRequest("지민", "deepseek-v3.2", now, 200, "done", 10, 20, 0, 0.0003836, 10, 0, 0));
            store.record(new RelayedRequest("al", "gpt-4.1", now, 502, "failed", 0, 0, 0, 0, 10, 5, 0));

            UsageReport week = UsageReport.of(store, null, null, null, clock);
            List<String> table = week.table();
            assertEquals(4, table.size(), String.join("\n", table));
            assertTrue(table.get(1).startsWith("지민     "), "Hangul counts two columns: " + table);
            int column = table.get(0).indexOf("requests") + "requests".length();
            for (String line : table) {
                assertEquals(column, ai.holysheep.chat.render.DisplayWidth.of(line.substring(0,
                        line.indexOf("requests") < 0 ? nthNumberEnd(line) : line.indexOf("requests") + 8)), line);
            }
            assertTrue(table.get(3).startsWith("total"));

            JsonNode json = RelayRig.JSON.readTree(week.json());
            JsonNode jimin = json.get("data").get(0);
            assertEquals("지민", jimin.get("member").asText(), "the largest cost first");
            assertEquals(2, jimin.get("requests").asInt(), "the request nine days ago is outside the week");
            assertTrue(week.json().contains("\"cost_usd\":0.0005754,"), week.json());
            assertEquals(1, json.get("data").get(1).get("failures").asInt());

            assertEquals(1, UsageReport.of(store, "7d", "member", "al", clock).totals().size(), "one member's own");
            assertEquals(2, UsageReport.of(store, "30d", "model", null, clock).totals().size());
            assertEquals(List.of("2026-11-23", "2026-12-02"), UsageReport.of(store, "30d", "day", null, clock)
                    .totals().stream().map(t -> t.key()).toList(), "days in order");
            assertThrows(IllegalArgumentException.class, () -> UsageReport.of(store, "a week", null, null, clock));
            assertThrows(IllegalArgumentException.class, () -> UsageReport.of(store, null, "team", null, clock));
        }
    }

    /** Where the requests column ends in a data row: after the name and the first number. */
    private static int nthNumberEnd(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\S+\\s+\\d+").matcher(line);
        assertTrue(m.find(), line);
        return m.end();
    }
}
