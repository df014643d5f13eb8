package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkStreamTest {
    /** Payloads of every shape the one-off parser is tested with, valid ones only. */
    private static final List<String> PAYLOADS = List.of(
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":null}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"안녕\"}}]}",
            "{\"choices\":[{\"delta\":{\"reasoning_content\":\"hmm\"}}]}",
            "{\"choices\":[{\"delta\":{\"reasoning\":\"hmm\"}}]}",
            "{\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0}]}",
            "{\"x\":{\"choices\":[{\"delta\":{\"content\":\"no\"}}]},\"choices\":[{\"finish_reason\":\"stop\",\"delta\":{}}]}",
            "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"code\":503}}",
            "{\"choices\":[{\"message\":{\"content\":\"m\"},\"delta\":{\"content\":\"d\"}}]}",
            "{\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}],"
                    + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,\"total_tokens\":8}}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":\"4\",\"completion_tokens\":6,\"total_tokens\":null}}");

    @Test
    void aStreamOfPayloadsReadsAsEachPayloadAlone() {
        ChunkStream stream = new ChunkStream();
        for (int round = 0; round < 3; round++) {
            for (String payload : PAYLOADS) {
                assertEquals(ChunkParser.parse(payload), stream.parse(payload), payload);
            }
        }
    }

    @Test
    void payloadsLongerThanTheParsersBufferAndWithWhiteSpaceAround() {
        ChunkStream stream = new ChunkStream();
        String long1 = "가".repeat(9_000);
        String long2 = "b".repeat(20_000);
        assertEquals(long1, stream.parse(" {\"choices\":[{\"delta\":{\"content\":\"" + long1 + "\"}}]}\r\n").content());
        assertEquals("x", stream.parse("\t{\"choices\":[{\"delta\":{\"content\":\"x\"}}]} ").content());
        assertEquals(long2, stream.parse("{\"choices\":[{\"delta\":{\"content\":\"" + long2 + "\"}}]}").content());
    }

    @Test
    void aMalformedPayloadDoesNotSpoilTheNext() {
        ChunkStream stream = new ChunkStream();
        assertEquals("a", stream.parse("{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}").content());
        assertThrows(ChunkParser.MalformedChunkException.class, () -> stream.parse("{\"choices\":[{\"delta\""));
        assertEquals("b", stream.parse("{\"choices\":[{\"delta\":{\"content\":\"b\"}}]}").content());
        assertThrows(ChunkParser.MalformedChunkException.class, () -> stream.parse("not json"));
        assertThrows(ChunkParser.MalformedChunkException.class, () -> stream.parse("[1,2]"));
        assertEquals("c", stream.parse("{\"choices\":[{\"delta\":{\"content\":\"c\"}}]}").content());
    }

    @Test
    void whatFollowsAPayloadsObjectIsIgnoredAsTheOneOffParserIgnoresIt() {
        ChunkStream stream = new ChunkStream();
        String trailing = "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}{\"choices\":[{\"delta\":{\"content\":\"z\"}}]}";
        assertEquals(ChunkParser.parse(trailing), stream.parse(trailing));
        assertEquals("b", stream.parse("{\"choices\":[{\"delta\":{\"content\":\"b\"}}]}").content());
        String oddSpace = "{\"choices\":[{\"delta\":{\"content\":\"c\"}}]}\u2003";
        assertEquals(ChunkParser.parse(oddSpace), stream.parse(oddSpace));
        assertEquals("d", stream.parse("{\"choices\":[{\"delta\":{\"content\":\"d\"}}]}").content());
    }
}
