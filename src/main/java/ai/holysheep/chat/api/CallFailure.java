package ai.holysheep.chat.api;

/** Why one HTTP call to the gateway did not deliver a whole answer. */
public sealed interface CallFailure {

    /** One line for the user. */
    String describe();

    /**
     * The server answered with an error status (or a 200 whose body was an error).
     * The Retry-After headers are kept raw; the retry policy decides what they mean.
     */
    record Http(ApiError error, String retryAfter, String retryAfterMs) implements CallFailure {
        public int status() {
            return error.status();
        }

        @Override
        public String describe() {
            return error.describe();
        }
    }

    /** A server error reported inside an open 200 stream ({@code data: {"error": …}}). */
    record InStream(ApiError error) implements CallFailure {
        @Override
        public String describe() {
            return error.describe();
        }
    }

    /** The connection could not be made, broke, or went silent. */
    record Network(String what) implements CallFailure {
        @Override
        public String describe() {
            return what;
        }
    }

    /** The server sent something that is not a valid stream (a corrupt chunk, say). */
    record Protocol(String what) implements CallFailure {
        @Override
        public String describe() {
            return what;
        }
    }
}
