package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.stream.StreamEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Optional;

/** One JSON object per line on stdout for every event, for scripts (schema in the README). */
final class JsonOutput implements TurnOutput {
    private final Io io;
    private final Optional<Price> price;

    JsonOutput(Io io, Optional<Price> price) {
        this.io = io;
        this.price = price;
    }

    @Override
    public void show(StreamEvent event) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (event instanceof StreamEvent.Delta d) {
            o.put("type", "delta").put("text", d.text());
        } else if (event instanceof StreamEvent.Reasoning r) {
            o.put("type", "reasoning").put("text", r.text());
        } else if (event instanceof StreamEvent.Usage u) {
            // The whole turn, every attempt; wasted_tokens is the part spent on attempts that broke.
            TokenUsage t = u.tokens().plus(u.wasted());
            o.put("type", "usage").put("prompt_tokens", t.promptTokens())
                    .put("completion_tokens", t.completionTokens()).put("total_tokens", t.totalTokens())
                    .put("wasted_tokens", u.wasted().totalTokens());
            if (price.isPresent()) {
                double cost = price.get().cost(t.promptTokens(), t.completionTokens());
                o.putRawValue("cost_usd", new RawValue(Price.plain(cost)));
            } else {
                o.putNull("cost_usd");
            }
        } else if (event instanceof StreamEvent.Retrying r) {
            o.put("type", "retrying").put("attempt", r.attempt()).put("max", r.max())
                    .put("delay_ms", r.delay().toMillis()).put("reason", r.reason());
        } else if (event instanceof StreamEvent.Resumed r) {
            o.put("type", "resumed").put("attempt", r.attempt()).put("kept_chars", r.keptChars())
                    .put("diverged", r.diverged());
        } else if (event instanceof StreamEvent.Done d) {
            o.put("type", "done").put("finish_reason", d.finishReason());
        } else if (event instanceof StreamEvent.Failed f) {
            o.put("type", "error").put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("message", f.message()).put("exit_code", OneShot.exitCode(f));
        } else if (event instanceof StreamEvent.GaveUp g) {
            o.put("type", "gave_up").put("attempts", g.attempts()).put("downtime_ms", g.downtime().toMillis())
                    .put("message", g.lastError()).put("exit_code", ExitCode.UNAVAILABLE);
        } else if (event instanceof StreamEvent.Cancelled) {
            o.put("type", "cancelled");
        }
        io.out().println(o.toString());
    }

    @Override
    public void flush() {
        io.out().flush();
    }

    @Override
    public void error(String message, int exitCode) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("type", "error").put("message", message).put("exit_code", exitCode);
        io.out().println(o.toString());
        io.out().flush();
        io.error(message);
    }
}
