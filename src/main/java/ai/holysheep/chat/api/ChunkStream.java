package ai.holysheep.chat.api;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Reader;

/**
 * Parses one stream's payloads, in order, with a single Jackson parser that is handed each
 * payload in turn, as Jackson reads a sequence of JSON values from one input. Creating a parser
 * per payload (its context, buffers and symbol table) cost about a third of parsing a typical
 * token's chunk. A payload is read exactly as {@link ChunkParser#parse} reads it; after one that
 * was not JSON, or that had anything but white space after its object, the parser is dropped and
 * the next payload starts a new one, so nothing from one payload can leak into the next.
 * Not thread-safe: one stream's events arrive on one thread at a time.
 */
final class ChunkStream {
    private final Payloads payloads = new Payloads();
    private JsonParser parser;
    /** Characters handed to {@link #parser} before the current payload. */
    private long handedBefore;

    /** @throws ChunkParser.MalformedChunkException as {@link ChunkParser#parse} does */
    Chunk parse(String data) {
        boolean keep = false;
        try {
            if (parser == null) {
                parser = JsonCore.FACTORY.createParser(payloads);
                handedBefore = 0;
            }
            payloads.next(data);
            Chunk chunk = ChunkParser.read(parser, data);
            long readOfThis = parser.currentLocation().getCharOffset() - handedBefore;
            keep = onlyJsonWhiteSpace(data, (int) readOfThis);
            handedBefore += data.length();
            return chunk;
        } catch (IOException e) {
            throw new ChunkParser.MalformedChunkException(data);
        } finally {
            if (!keep) {
                parser = null;
            }
        }
    }

    /** Whether {@code data} from {@code index} on is what JSON allows between two values. */
    private static boolean onlyJsonWhiteSpace(String data, int index) {
        for (int i = index; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The current payload as the parser's input; its end is the input's end. */
    private static final class Payloads extends Reader {
        private String text = "";
        private int next;

        void next(String payload) {
            text = payload;
            next = 0;
        }

        @Override
        public int read(char[] into, int offset, int length) {
            int n = Math.min(length, text.length() - next);
            if (n <= 0) {
                // Only a payload that ends inside its object gets here: it is not whole JSON.
                return -1;
            }
            text.getChars(next, next + n, into, offset);
            next += n;
            return n;
        }

        @Override
        public void close() {
            // The payloads are strings; there is nothing to release.
        }
    }
}
