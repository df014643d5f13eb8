package ai.holysheep.chat.api;

/**
 * An error a server reported, in whatever shape it used, reduced to what a person needs.
 *
 * @param status HTTP status, or 200 when the error came inside a stream
 * @param message one line, already shortened; never markup
 * @param type   the server's error type ("server_error", "invalid_request_error"…), or null
 * @param code   the server's error code as text (some send numbers, some strings), or null
 */
public record ApiError(int status, String message, String type, String code) {

    /** "503 Service Unavailable: upstream overloaded" style, for one line on stderr. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (status != 200) {
            sb.append("HTTP ").append(status).append(": ");
        }
        sb.append(message);
        return sb.toString();
    }
}
