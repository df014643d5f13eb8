package ai.holysheep.chat.sim;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link AnswerPlan} into the bytes OpenAI-compatible servers send: a stream of
 * {@code chat.completion.chunk} events, or one {@code chat.completion} object. Per-piece events
 * share a pre-built JSON prefix and suffix so a 50k-piece stream costs one string escape per piece.
 */
final class WireFormat {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.UTF_8);

    private WireFormat() {
    }

    /** What a client should see mid-stream in place of one piece of the answer. */
    enum Interruption { MALFORMED_CHUNK, ERROR_EVENT }

    /**
     * The stream's events, one byte array each. {@code interruption} (if not null) is placed after
     * {@code interruptAfter} content pieces; an error event ends the stream there, without [DONE].
     */
    static List<byte[]> events(AnswerPlan c, boolean includeUsage, Interruption interruption, long interruptAfter) {
        List<byte[]> events = new ArrayList<>(c.reasoning().size() + c.content().size() + 4);
        ObjectNode roleDelta = JSON.createObjectNode().put("role", "assistant").put("content", "");
        events.add(event(chunk(c, roleDelta, null)));
        byte[][] reasoningFrame = pieceFrame(c, "reasoning_content");
        for (String piece : c.reasoning()) {
            events.add(framed(reasoningFrame, piece));
        }
        byte[][] contentFrame = pieceFrame(c, "content");
        for (int i = 0; i <= c.content().size(); i++) {
            if (interruption != null && i == interruptAfter) {
                if (interruption == Interruption.ERROR_EVENT) {
                    events.add(event(error("The simulated gateway failed mid-stream (injected fault).", "server_error")));
                    return events;
                }
                events.add(malformed(contentFrame));
            }
            if (i < c.content().size()) {
                events.add(framed(contentFrame, c.content().get(i)));
            }
        }
        events.add(event(chunk(c, JSON.createObjectNode(), c.finishReason())));
        if (includeUsage) {
            ObjectNode usageChunk = chunk(c, null, null);
            usageChunk.set("usage", usage(c));
            events.add(event(usageChunk));
        }
        events.add(DONE);
        return events;
    }

    /** The non-streaming answer. */
    /** The same events with each LF made a lone CR, and one more CR as the very last byte. */
    static List<byte[]> crLines(List<byte[]> events) {
        List<byte[]> out = new ArrayList<>(events.size() + 1);
        for (byte[] event : events) {
            byte[] copy = event.clone();
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] == '\n') {
                    copy[i] = '\r';
                }
            }
            out.add(copy);
        }
        out.add(new byte[] {'\r'});
        return out;
    }

    /** The first {@code keep} events, then a {@code data:} line of {@code bytes} bytes that never ends. */
    static List<byte[]> hugeLine(List<byte[]> events, int keep, long bytes) {
        List<byte[]> out = new ArrayList<>(events.subList(0, Math.min(keep, events.size())));
        out.add(DATA);
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'x');
        for (long left = bytes; left > 0; left -= block.length) {
            out.add(left >= block.length ? block : java.util.Arrays.copyOf(block, (int) left));
        }
        return out;
    }

    static byte[] completion(AnswerPlan c) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", String.join("", c.content()));
        if (!c.reasoning().isEmpty()) {
            message.put("reasoning_content", String.join("", c.reasoning()));
        }
        ObjectNode root = header(c, "chat.completion");
        root.putArray("choices").addObject()
            .put("index", 0)
            .<ObjectNode>set("message", message)
            .put("finish_reason", c.finishReason());
        root.set("usage", usage(c));
        return bytes(root);
    }

    /** An OpenAI-style error body: {@code {"error":{"message","type","param","code"}}}. */
    static ObjectNode error(String message, String type) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return root;
    }

    static byte[] bytes(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built here always serialises", e);
        }
    }

    private static ObjectNode usage(AnswerPlan c) {
        ObjectNode usage = JSON.createObjectNode()
            .put("prompt_tokens", c.promptTokens())
            .put("completion_tokens", c.completionTokens())
            .put("total_tokens", c.promptTokens() + c.completionTokens());
        if (!c.reasoning().isEmpty()) {
            usage.putObject("completion_tokens_details").put("reasoning_tokens", c.reasoning().size());
        }
        return usage;
    }

    private static ObjectNode header(AnswerPlan c, String object) {
        return JSON.createObjectNode().put("id", c.id()).put("object", object)
            .put("created", c.created()).put("model", c.model());
    }

    /** A chunk with one choice carrying {@code delta}, or with no choices when delta is null. */
    private static ObjectNode chunk(AnswerPlan c, ObjectNode delta, String finishReason) {
        ObjectNode root = header(c, "chat.completion.chunk");
        ArrayNode choices = root.putArray("choices");
        if (delta != null) {
            ObjectNode choice = choices.addObject().put("index", 0);
            choice.set("delta", delta);
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
        }
        return root;
    }

    /** The bytes before and after the escaped piece in a delta event for {@code field}. */
    private static byte[][] pieceFrame(AnswerPlan c, String field) {
        String marker = "\u0000piece\u0000";
        ObjectNode delta = JSON.createObjectNode().put(field, marker);
        String json = new String(event(chunk(c, delta, null)), StandardCharsets.UTF_8);
        String quotedMarker = new String(JsonStringEncoder.getInstance().quoteAsString(marker));
        int at = json.indexOf(quotedMarker);
        return new byte[][] {
            json.substring(0, at).getBytes(StandardCharsets.UTF_8),
            json.substring(at + quotedMarker.length()).getBytes(StandardCharsets.UTF_8),
        };
    }

    private static byte[] framed(byte[][] frame, String piece) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(piece);
        byte[] out = new byte[frame[0].length + escaped.length + frame[1].length];
        System.arraycopy(frame[0], 0, out, 0, frame[0].length);
        System.arraycopy(escaped, 0, out, frame[0].length, escaped.length);
        System.arraycopy(frame[1], 0, out, frame[0].length + escaped.length, frame[1].length);
        return out;
    }

    /** A content event cut off inside its JSON, as a buggy proxy or a truncating buffer produces. */
    private static byte[] malformed(byte[][] contentFrame) {
        String prefix = new String(contentFrame[0], StandardCharsets.UTF_8);
        return (prefix + "\"trunc\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] event(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DATA);
        out.writeBytes(bytes(tree));
        out.writeBytes(END_OF_EVENT);
        return out.toByteArray();
    }
}
