package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.AssistantDraft;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.FakeClock;
import ai.holysheep.chat.store.MessageStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code holysheep-chat usage}: what the saved answers used and cost, by day, model or conversation. */
class UsageCommandTest {
    @TempDir
    Path dir;
    Path db;

    private ConversationStore at(String instant) {
        return ConversationStore.open(db, new FakeClock(Instant.parse(instant)));
    }

    private static void answer(ConversationStore store, long conversation, String model, Integer in, Integer out,
                               Integer wasted, Double cost) {
        store.appendUserMessage(conversation, "q", model);
        AssistantDraft draft = store.startAssistant(conversation, model);
        draft.append("a");
        if (wasted != null) {
            draft.wastedTokens(wasted);
        }
        draft.finish(MessageStatus.COMPLETE, "stop", in, out, cost);
    }

    @BeforeEach
    void saveAnswers() {
        db = dir.resolve("history.db");
        long wal;
        try (ConversationStore store = at("2026-10-20T12:00:00Z")) {
            wal = store.createConversation("Explain WAL", null, "gpt-4.1").id();
            answer(store, wal, "gpt-4.1", 9000, 9000, 0, 1.0);
        }
        try (ConversationStore store = at("2026-11-01T12:00:00Z")) {
            answer(store, wal, "gpt-4.1", 100, 50, 20, 0.0006);
            long seoul = store.createConversation("서울 날씨", null, "deepseek-v3.2").id();
            // No price for the model: tokens counted, cost unknown.
            answer(store, seoul, "deepseek-v3.2", 10, 5, null, null);
        }
        try (ConversationStore store = at("2026-11-03T12:00:00Z")) {
            answer(store, wal, "gpt-4.1", 200, 100, 0, 0.0012);
            store.markAnswersReplaced(wal);
            answer(store, wal, "gpt-4.1", 200, 80, 0, 0.00104);
        }
    }

    private CliRun.Result usage(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--history-db", db.toString(), "usage"));
        all.addAll(List.of(args));
        return new CliRun().run(all.toArray(String[]::new));
    }

    @Test
    void byDayInAlignedColumnsWithTheTotalLastAndUnknownCostsMarked() {
        CliRun.Result r = usage("--since", "2026-11-01");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(String.join("\n",
                "day         answers     tokens in    tokens out      wasted      cost $",
                "2026-11-01        2           110            55          20     0.0006*",
                "2026-11-03        2           400           180           0     0.0022 ",
                "total             4           510           235          20     0.0028*",
                ""), r.stdout());
        assertEquals("* leaves out 1 answer(s) of unknown cost (no usage reported, or no price for the model:"
                + " see [prices] in the config)\n", r.stderr());
    }

    @Test
    void byConversationKeepsHangulTitlesAligned() {
        CliRun.Result r = usage("--since", "2026-11-01", "--by", "conversation");
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertEquals("conversation   answers     tokens in    tokens out      wasted      cost $", lines.get(0));
        assertEquals("1 Explain WAL        3           500           230          20     0.0028 ", lines.get(1));
        assertEquals("2 서울 날씨          1            10             5           0     0.0000*", lines.get(2));
        assertEquals("total                4           510           235          20     0.0028*", lines.get(3));
    }

    @Test
    void jsonByModelWithPlainDecimalCostsAndTheTotalLast() throws Exception {
        CliRun.Result r = usage("--since", "2026-11-01", "--by", "model", "--format", "json");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        JsonNode o = Json.MAPPER.readTree(r.stdout());
        assertEquals("model", o.get("by").asText());
        assertEquals("gpt-4.1", o.at("/data/0/model").asText());
        assertEquals(3, o.at("/data/0/answers").asLong());
        assertEquals(500, o.at("/data/0/prompt_tokens").asLong());
        assertEquals(20, o.at("/data/0/wasted_tokens").asLong());
        assertTrue(r.stdout().contains("\"cost_usd\":0.00284,"), r.stdout());
        assertEquals(1, o.at("/data/1/unpriced_answers").asLong());
        assertEquals(4, o.at("/total/answers").asLong());
        assertTrue(r.stdout().endsWith("\"unpriced_answers\":1}}\n"), "the total comes last: " + r.stdout());
    }

    @Test
    void aDurationCountsBackFromNow() {
        CliRun.Result r = usage("--since", "7d", "--format", "json");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("\"data\":[]"), "the answers are all older than a week: " + r.stdout());
        assertTrue(r.stdout().contains("\"total\":{\"answers\":0,"), r.stdout());
    }

    @Test
    void badValuesAreOneLineUsageErrors() {
        CliRun.Result since = usage("--since", "last week");
        assertEquals(ExitCode.USAGE, since.exitCode());
        assertEquals("holysheep-chat: --since takes a duration (7d, 12h) or a date (2026-11-01), not 'last week'\n",
                since.stderr());
        CliRun.Result by = usage("--by", "member");
        assertEquals(ExitCode.USAGE, by.exitCode());
        assertEquals("holysheep-chat: --by must be day, model or conversation, not 'member'\n", by.stderr());
        assertEquals(ExitCode.USAGE, usage("--since", "2026-02-30").exitCode());
    }

    @Test
    void aTurnThatBrokeAndResumedIsReportedWithItsWastedTokens() throws Exception {
        Path fresh = dir.resolve("fresh.db");
        Path config = dir.resolve("config.toml");
        Files.writeString(config, """
                [retry]
                base_delay = "1ms"
                max_delay = "1ms"
                [prices."holysheep-sim"]
                input = 1
                output = 2
                """);
        try (SimGateway gateway = SimGateway.start(SimOptions.defaults().unpaced().withFaults("drop@1:bytes=1500"))) {
            CliRun cli = new CliRun().env("HOLYSHEEP_BASE_URL", gateway.baseUrl()).env("HOLYSHEEP_CONFIG", config.toString());
            CliRun.Result asked = cli.run("--history-db", fresh.toString(), "-m", "holysheep-sim", "tell me a story");
            assertEquals(0, asked.exitCode(), asked.stderr());
            CliRun.Result r = cli.run("--history-db", fresh.toString(), "usage", "--by", "model", "--format", "json");
            assertEquals(0, r.exitCode(), r.stderr());
            JsonNode row = Json.MAPPER.readTree(r.stdout()).at("/data/0");
            assertEquals("holysheep-sim", row.get("model").asText());
            assertTrue(row.get("wasted_tokens").asLong() > 0, r.stdout());
            assertTrue(row.get("prompt_tokens").asLong() > row.get("wasted_tokens").asLong() / 2, r.stdout());
            assertEquals(0, row.get("unpriced_answers").asLong(), r.stdout());
            assertTrue(row.get("cost_usd").asDouble() > 0, r.stdout());
        }
    }
}
