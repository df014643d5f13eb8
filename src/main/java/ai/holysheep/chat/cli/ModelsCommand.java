package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.GatewayException;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.render.TerminalSanitizer;
import ai.holysheep.chat.stream.Failures;
import ai.holysheep.chat.stream.StreamEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models the gateway offers (with configured prices when stdout is a terminal).")
public final class ModelsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        Io io = root.io();
        Settings settings = root.settings();
        List<String> ids;
        try {
            ids = root.gateway(settings).models().stream().map(TerminalSanitizer::clean).toList();
        } catch (GatewayException e) {
            io.error("cannot list models: " + e.getMessage());
            return OneShot.exitCode(new StreamEvent.Failed(Failures.kind(e.failure()), e.getMessage()));
        }
        int width = ids.stream().mapToInt(DisplayWidth::of).max().orElse(0);
        for (String id : ids) {
            if (io.stdoutIsTerminal()) {
                Optional<Price> price = settings.price(id);
                String priced = price.map(p -> String.format(Locale.ROOT, "$%.2f in / $%.2f out per 1M tokens",
                        p.inputPerMillion(), p.outputPerMillion())).orElse("");
                String padding = " ".repeat(width - DisplayWidth.of(id));
                io.out().println((id + padding + "  " + priced).stripTrailing());
            } else {
                io.out().println(id);
            }
        }
        io.out().flush();
        return ExitCode.OK;
    }
}
