package ai.holysheep.chat.serve;

import java.io.IOException;

/**
 * The member's side of one response, as the relay loop needs it: a status and type once, then
 * text, each write sent at once. Kept apart from the HTTP server so the loop reads as the rules
 * it keeps. An {@link IOException} from any call means the member has gone.
 */
interface MemberOutput {
    /** Sends the status line and headers; {@code retryAfterSeconds} is 0 for none. */
    void begin(int status, String contentType, long retryAfterSeconds) throws IOException;

    boolean begun();

    /** Writes and flushes: the member sees it now, not when a buffer fills. */
    void write(String text) throws IOException;
}
