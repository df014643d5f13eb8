package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.api.TokenUsage;
import ai.holysheep.chat.config.Price;
import ai.holysheep.chat.stream.StreamEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Optional;
import java.util.Set;

/** One JSON object per line on stdout for every event, for scripts (schema in the README). */
final class JsonOutput implements TurnOutput {
    /** The finish reasons scripts are promised; anything else a server invents reads "other". */
    private static final Set<String> FINISH_REASONS = Set.of("stop", "length", "content_filter", "tool_calls");

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
            o.put("type", "done").put("finish_reason", finishReason(d.finishReason()));
        } else if (event instanceof StreamEvent.Failed f) {
            o.put("type", "error").put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("message", f.message()).put("exit_code", OneShot.exitCode(f));
        } else if (event instanceof StreamEvent.GaveUp g) {
            o.put("type", "gave_up").put("attempts", g.attempts()).put("downtime_ms", g.downtime().toMillis())
                    .put("message", g.lastError()).put("exit_code", ExitCode.UNAVAILABLE);
        } else if (event instanceof StreamEvent.Cancelled) {
            o.put("type", "cancelled");
        }
        io.out().println(line(o));
    }

    static String finishReason(String reason) {
        return reason == null || FINISH_REASONS.contains(reason) ? reason : "other";
    }

    /**
     * Jackson writes C1 controls (U+0080–U+009F) raw, and a terminal showing the line would act
     * on them; they can only occur inside strings, so escaping them keeps the JSON equivalent.
     */
    static String line(ObjectNode o) {
        String json = o.toString();
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                if (out == null) {
                    out = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }

    @Override
    public void flush() {
        io.out().flush();
    }

    @Override
    public void error(String message, int exitCode) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("type", "error").put("message", message).put("exit_code", exitCode);
        io.out().println(line(o));
        io.out().flush();
        io.error(message);
    }
}
