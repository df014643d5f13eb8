package ai.holysheep.chat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The per-token hot path: one SSE payload to a {@link Chunk}. {@code stream} is what a stream
 * does ({@link ChunkStream}: one parser handed each payload in turn), {@code streaming} a new
 * streaming parser per payload ({@link ChunkParser#parse}), and {@code tree} the obvious way (a
 * databind tree per payload), kept as the yardstick. Run with {@code scripts/bench --jmh}. It lives in
 * {@code api} because the parsers it measures are that package's own, not its public surface.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChunkParsingBench {
    private static final String HEAD = "{\"id\":\"chatcmpl-sim-1\",\"object\":\"chat.completion.chunk\",\"created\":1795312200,"
            + "\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"delta\":";

    @Param({"content", "hangul", "role", "usage"})
    public String shape;

    private String payload;
    private final ChunkStream chunks = new ChunkStream();

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        payload = switch (shape) {
            case "content" -> HEAD + "{\"content\":\" streaming\"},\"finish_reason\":null}]}";
            case "hangul" -> HEAD + "{\"content\":\"안녕하세요\"},\"finish_reason\":null}]}";
            case "role" -> HEAD + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}";
            case "usage" -> "{\"id\":\"chatcmpl-sim-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":50000,\"total_tokens\":50012}}";
            default -> throw new IllegalArgumentException(shape);
        };
    }

    @Benchmark
    public Chunk stream() {
        return chunks.parse(payload);
    }

    @Benchmark
    public Chunk streaming() {
        return ChunkParser.parse(payload);
    }

    @Benchmark
    public String tree() throws JsonProcessingException {
        JsonNode root = Json.MAPPER.readTree(payload);
        JsonNode content = root.path("choices").path(0).path("delta").path("content");
        return content.isTextual() ? content.asText() : null;
    }
}
