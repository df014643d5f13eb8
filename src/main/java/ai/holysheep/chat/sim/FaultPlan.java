package ai.holysheep.chat.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Which faults the simulated gateway commits on which chat-completion requests, parsed from a spec
 * string. Requests are numbered from 1 in the order they arrive at {@code /v1/chat/completions}
 * (model listings are not counted).
 *
 * <h2>Grammar</h2>
 * <pre>
 * spec     = rule { "," rule }                    (blank spec: no faults)
 * rule     = kind [ "@" schedule ] { ":" part }
 * schedule = N | N "-" M | N "+"                  request N; requests N..M; request N and all after
 * part     = probability | name "=" integer       a probability only when there is no schedule
 * kind     = "drop" | "stall" | "drip" | "malformed" | "error" | "cr" | "huge" | "html" | status
 * status   = an HTTP status from 400 to 599 (429, 500, 502, 503, 504, 529 …)
 * </pre>
 * A rule with neither schedule nor probability applies to every request.
 *
 * <table>
 * <caption>Kinds and their parameters</caption>
 * <tr><th>kind</th><th>effect</th><th>parameters</th></tr>
 * <tr><td>drop</td><td>cut the connection abruptly after some body bytes (no clean end of body)</td>
 *     <td>{@code bytes=N} body bytes delivered first (default: a seeded point inside the body)</td></tr>
 * <tr><td>stall</td><td>send headers and some body, then nothing until the gateway closes</td>
 *     <td>{@code bytes=N} as for drop</td></tr>
 * <tr><td>drip</td><td>send the whole body in tiny writes with pauses</td>
 *     <td>{@code bytes=N} per write (default 5), {@code pause-ms=N} before each (default 20)</td></tr>
 * <tr><td>malformed</td><td>one chunk with cut-off JSON, then the stream carries on</td>
 *     <td>{@code after=N} content chunks first (default: a seeded point)</td></tr>
 * <tr><td>error</td><td>a {@code data: {"error":{…,"type":"server_error"}}} event, then the body ends
 *     without {@code [DONE]}</td><td>{@code after=N} as for malformed</td></tr>
 * <tr><td>cr</td><td>every line ends in a lone CR, and a last CR follows the final event</td><td>none</td></tr>
 * <tr><td>huge</td><td>one endless {@code data:} line, then the connection closes</td>
 *     <td>{@code after=N} as for malformed, {@code bytes=N} (default 5 MiB)</td></tr>
 * <tr><td>html</td><td>a proxy's HTML error page instead of JSON</td>
 *     <td>{@code status=N} (default 502)</td></tr>
 * <tr><td>status</td><td>that status with an OpenAI-style JSON error body</td>
 *     <td>{@code retry-after=S} sends {@code Retry-After: S} (429 defaults to 1)</td></tr>
 * </table>
 *
 * <p>Scheduled rules are checked first, in spec order; the first that covers the request wins.
 * Otherwise one seeded draw per request picks among the probability rules (their probabilities
 * add up to at most 1; what is left over means no fault). The draw and every seeded default come
 * from the seed and the request number only, so the same spec and seed give the same faults.
 *
 * <p>Examples: {@code "drop@1:bytes=300,503@2,429@3:retry-after=1,stall@4"};
 * {@code "drop:0.2,stall:0.05,503:0.1"}; both kinds of rule can be mixed in one spec.
 */
public final class FaultPlan {
    /** Just over the client's default event size cap of 4 MiB. */
    private static final long DEFAULT_HUGE_BYTES = 5L << 20;
    private static final Map<String, Set<String>> PARAMS_BY_KIND = Map.of(
        "drop", Set.of("bytes"),
        "stall", Set.of("bytes"),
        "drip", Set.of("bytes", "pause-ms"),
        "malformed", Set.of("after"),
        "error", Set.of("after"),
        "html", Set.of("status"),
        "cr", Set.of(),
        "huge", Set.of("after", "bytes"),
        "status", Set.of("retry-after"));
    private static final int DEFAULT_DRIP_BYTES = 5;
    private static final int DEFAULT_DRIP_PAUSE_MS = 20;
    private static final int DEFAULT_HTML_STATUS = 502;
    /** Seeded cut points stay clear of the very start and end so something is sent and something is lost. */
    private static final double EARLIEST = 0.1;
    private static final double SPAN = 0.8;

    private static final FaultPlan NONE = new FaultPlan("", List.of());

    private final String spec;
    private final List<Rule> rules;

    private FaultPlan(String spec, List<Rule> rules) {
        this.spec = spec;
        this.rules = List.copyOf(rules);
    }

    public static FaultPlan none() {
        return NONE;
    }

    /**
     * Parses a spec in the grammar above.
     *
     * @throws IllegalArgumentException with a one-line message naming the offending rule
     */
    public static FaultPlan parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        double probabilitySum = 0;
        for (String text : spec.split(",", -1)) {
            String rule = text.strip();
            if (rule.isEmpty()) {
                throw new IllegalArgumentException("empty fault rule in \"" + spec + "\"");
            }
            Rule parsed = parseRule(rule);
            if (parsed.schedule.isEmpty()) {
                probabilitySum += parsed.probability;
            }
            rules.add(parsed);
        }
        if (probabilitySum > 1 + 1e-9) {
            throw new IllegalArgumentException("fault probabilities add up to " + probabilitySum + ", more than 1");
        }
        return new FaultPlan(spec.strip(), rules);
    }

    /** The fault for chat-completion request number {@code request} (from 1), if any. */
    public Optional<Fault> faultFor(long request, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + request);
        double draw = random.nextDouble();
        for (Rule rule : rules) {
            if (rule.schedule.isPresent() && rule.schedule.get().covers(request)) {
                return Optional.of(rule.toFault(random));
            }
        }
        double cumulative = 0;
        for (Rule rule : rules) {
            if (rule.schedule.isEmpty()) {
                cumulative += rule.probability;
                if (draw < cumulative) {
                    return Optional.of(rule.toFault(random));
                }
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The spec this plan was parsed from (empty for no faults). */
    @Override
    public String toString() {
        return spec;
    }

    private static Rule parseRule(String rule) {
        String[] parts = rule.split(":", -1);
        String head = parts[0].strip();
        int at = head.indexOf('@');
        String kind = (at < 0 ? head : head.substring(0, at)).strip();
        Optional<Schedule> schedule = at < 0 ? Optional.empty() : Optional.of(parseSchedule(head.substring(at + 1).strip(), rule));
        String family = familyOf(kind, rule);
        Set<String> allowed = PARAMS_BY_KIND.get(family);
        Map<String, Long> params = new TreeMap<>();
        Double probability = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            if (eq >= 0) {
                String name = part.substring(0, eq).strip();
                if (!allowed.contains(name)) {
                    throw new IllegalArgumentException("fault \"" + rule + "\": " + kind + " takes "
                        + (allowed.isEmpty() ? "no parameters" : "only " + String.join(", ", allowed)));
                }
                params.put(name, parseCount(part.substring(eq + 1).strip(), name, rule));
            } else if (probability == null && schedule.isEmpty() && params.isEmpty()) {
                probability = parseProbability(part, rule);
            } else {
                throw new IllegalArgumentException("fault \"" + rule + "\": unexpected \"" + part
                    + "\" (a probability comes right after the kind and only without @schedule)");
            }
        }
        if (family.equals("html") && params.containsKey("status")) {
            checkStatus(params.get("status"), rule);
        }
        if (family.equals("drip") && params.getOrDefault("bytes", 1L) < 1) {
            throw new IllegalArgumentException("fault \"" + rule + "\": bytes must be at least 1");
        }
        return new Rule(kind, family, schedule, probability == null ? 1.0 : probability, params);
    }

    private static String familyOf(String kind, String rule) {
        if (PARAMS_BY_KIND.containsKey(kind) && !kind.equals("status")) {
            return kind;
        }
        if (kind.matches("\\d{3}")) {
            checkStatus(Long.parseLong(kind), rule);
            return "status";
        }
        throw new IllegalArgumentException("fault \"" + rule + "\": unknown kind \"" + kind
            + "\" (expected drop, stall, drip, malformed, error, cr, huge, html or an HTTP status 400-599)");
    }

    private static void checkStatus(long status, String rule) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("fault \"" + rule + "\": status must be 400-599, not " + status);
        }
    }

    private static Schedule parseSchedule(String text, String rule) {
        try {
            if (text.endsWith("+")) {
                return new Schedule(positive(Long.parseLong(text.substring(0, text.length() - 1)), rule), Long.MAX_VALUE);
            }
            int dash = text.indexOf('-');
            if (dash < 0) {
                long n = positive(Long.parseLong(text), rule);
                return new Schedule(n, n);
            }
            long from = positive(Long.parseLong(text.substring(0, dash)), rule);
            long to = positive(Long.parseLong(text.substring(dash + 1)), rule);
            if (to < from) {
                throw new IllegalArgumentException("fault \"" + rule + "\": request range " + text + " is backwards");
            }
            return new Schedule(from, to);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault \"" + rule + "\": schedule \"" + text
                + "\" is not N, N-M or N+ (request numbers from 1)");
        }
    }

    private static long positive(long n, String rule) {
        if (n < 1) {
            throw new IllegalArgumentException("fault \"" + rule + "\": requests are numbered from 1");
        }
        return n;
    }

    private static double parseProbability(String text, String rule) {
        try {
            double p = Double.parseDouble(text);
            if (!(p > 0 && p <= 1)) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault \"" + rule + "\": \"" + text
                + "\" is neither a probability in (0, 1] nor name=value");
        }
    }

    private static long parseCount(String text, String name, String rule) {
        try {
            long n = Long.parseLong(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault \"" + rule + "\": " + name + " must be a whole number >= 0");
        }
    }

    private record Schedule(long from, long to) {
        boolean covers(long request) {
            return request >= from && request <= to;
        }
    }

    private record Rule(String kind, String family, Optional<Schedule> schedule, double probability,
                        Map<String, Long> params) {
        Fault toFault(SplittableRandom random) {
            return switch (family) {
                case "drop" -> new Fault.Drop(position("bytes", random));
                case "stall" -> new Fault.Stall(position("bytes", random));
                case "drip" -> new Fault.Drip(
                    Math.toIntExact(params.getOrDefault("bytes", (long) DEFAULT_DRIP_BYTES)),
                    Math.toIntExact(params.getOrDefault("pause-ms", (long) DEFAULT_DRIP_PAUSE_MS)));
                case "malformed" -> new Fault.MalformedChunk(position("after", random));
                case "error" -> new Fault.ErrorEvent(position("after", random));
                case "cr" -> new Fault.CrLines();
                case "huge" -> new Fault.HugeLine(position("after", random),
                    params.getOrDefault("bytes", DEFAULT_HUGE_BYTES));
                case "html" -> new Fault.HtmlPage(Math.toIntExact(params.getOrDefault("status", (long) DEFAULT_HTML_STATUS)));
                case "status" -> {
                    int status = Integer.parseInt(kind);
                    Long retryAfter = params.get("retry-after");
                    OptionalInt header = retryAfter != null ? OptionalInt.of(Math.toIntExact(retryAfter))
                        : status == 429 ? OptionalInt.of(1) : OptionalInt.empty();
                    yield new Fault.ErrorStatus(status, header);
                }
                default -> throw new IllegalStateException("unhandled fault family " + family);
            };
        }

        private Fault.Position position(String name, SplittableRandom random) {
            Long exact = params.get(name);
            double fraction = EARLIEST + SPAN * random.nextDouble();
            return new Fault.Position(exact == null ? OptionalLong.empty() : OptionalLong.of(exact), exact == null ? fraction : 0);
        }
    }
}
