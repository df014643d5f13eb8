package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.Durations;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** What the saved conversations used and cost: the dashboard a user would otherwise open in a browser. */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = {"Tokens in and out, wasted tokens and cost of the saved answers, by day, model or conversation, totals last.",
            "Costs come from the prices in effect when each answer was saved; * marks a sum that leaves out answers of unknown cost."})
public final class UsageCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = "30d",
            description = "How far back: a duration (7d, 12h) or a date (2026-11-01, from its start, local time). Default: ${DEFAULT-VALUE}.")
    String since;

    @Option(names = "--by", paramLabel = "GROUP", defaultValue = "day",
            description = "Rows by day, model or conversation. Default: ${DEFAULT-VALUE}.")
    String by;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned columns) or json (one object; costs as plain decimals). Default: ${DEFAULT-VALUE}.")
    ChatCommand.Format format;

    @Override
    public Integer call() {
        Io io = root.io();
        ZoneId zone = ZoneId.systemDefault();
        Instant from = from(since, Clock.system(zone));
        UsageSummary.By grouping = UsageSummary.By.of(by);
        return ConversationsCommand.withStore(root, store -> {
            UsageSummary summary = UsageSummary.of(store.answerUsage(from), from, grouping, zone);
            PrintStream out = io.out();
            if (format == ChatCommand.Format.json) {
                out.println(summary.json());
            } else {
                summary.table().forEach(out::println);
                if (summary.unpriced() > 0) {
                    io.err().println("* leaves out " + summary.unpriced() + " answer(s) of unknown cost (no usage"
                            + " reported, or no price for the model: see [prices] in the config)");
                }
            }
            return ExitCode.OK;
        });
    }

    /** The start of the report: a duration back from now, or the start of a local date. */
    static Instant from(String text, Clock clock) {
        String t = text.strip();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(t).atStartOfDay(clock.getZone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new CliException(ExitCode.USAGE, "--since: '" + t + "' is not a date");
            }
        }
        try {
            return clock.instant().minus(Durations.parse(t));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--since takes a duration (7d, 12h) or a date (2026-11-01), not '"
                    + TerminalText.oneLine(text) + "'");
        }
    }
}
