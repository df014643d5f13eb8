package ai.holysheep.chat.attach;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a file's first bytes say it is: an image by its magic number, else text or binary. */
final class FileSniff {
    /** As much as git looks at to call a file binary. */
    static final int WINDOW = 8192;

    private FileSniff() {
    }

    /** The image type the bytes begin with (png, jpeg, gif, webp), or empty. */
    static Optional<String> imageType(byte[] head) {
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /**
     * True when the first {@link #WINDOW} bytes hold a NUL or are not UTF-8. {@code whole} says
     * whether {@code head} is the entire file: if not, a character cut off at the window's end
     * is not a fault.
     */
    static boolean binary(byte[] head, int length, boolean whole) {
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head, 0, length), CharBuffer.allocate(length), whole);
        return result.isError();
    }

    private static boolean startsWith(byte[] bytes, int at, int... expected) {
        if (bytes.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
