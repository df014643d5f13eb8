package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.ApiError;
import ai.holysheep.chat.api.CallFailure;
import org.junit.jupiter.api.Test;

/** Which kind of failure the user is shown, and which in-stream errors blame the request. */
class FailuresTest {
    static ApiError error(String type, String code) {
        return new ApiError(200, "something went wrong", type, code);
    }

    static CallFailure status(int status) {
        return new CallFailure.Http(new ApiError(status, "status " + status, null, null), null, null);
    }

    @Test
    void aStatusIsSortedByWhatItMeans() {
        assertEquals(FailureKind.AUTH, Failures.kind(status(401)));
        assertEquals(FailureKind.AUTH, Failures.kind(status(403)));
        for (int rejected : new int[] {400, 402, 404, 413, 422, 499}) {
            assertEquals(FailureKind.REJECTED, Failures.kind(status(rejected)), "HTTP " + rejected);
        }
        // The 4xx that pass with time, and everything outside 4xx, are the server's trouble.
        for (int unavailable : new int[] {399, 408, 409, 429, 500, 503, 529}) {
            assertEquals(FailureKind.UNAVAILABLE, Failures.kind(status(unavailable)), "HTTP " + unavailable);
        }
    }

    @Test
    void anErrorInsideA200IsJudgedByWhatItSays() {
        CallFailure keyInBody = new CallFailure.Http(error("authentication_error", null), null, null);
        assertEquals(FailureKind.AUTH, Failures.kind(keyInBody));
        CallFailure badInBody = new CallFailure.Http(error("invalid_request_error", null), null, null);
        assertEquals(FailureKind.REJECTED, Failures.kind(badInBody));
        CallFailure busyInBody = new CallFailure.Http(error("server_error", null), null, null);
        assertEquals(FailureKind.UNAVAILABLE, Failures.kind(busyInBody));

        assertEquals(FailureKind.AUTH, Failures.kind(new CallFailure.InStream(error(null, "401"))));
        assertEquals(FailureKind.AUTH, Failures.kind(new CallFailure.InStream(error(null, "403"))));
        assertEquals(FailureKind.AUTH, Failures.kind(new CallFailure.InStream(error("permission_denied", null))));
        assertEquals(FailureKind.REJECTED, Failures.kind(new CallFailure.InStream(error(null, "context_length_exceeded"))));
        assertEquals(FailureKind.UNAVAILABLE, Failures.kind(new CallFailure.InStream(error(null, null))));
    }

    @Test
    void aBrokenConnectionIsUnavailableAndACorruptStreamIsAProtocolFault() {
        assertEquals(FailureKind.UNAVAILABLE, Failures.kind(new CallFailure.Network("connection refused")));
        assertEquals(FailureKind.PROTOCOL, Failures.kind(new CallFailure.Protocol("malformed chunk")));
    }

    @Test
    void anErrorBlamesTheRequestWhenItsCodeOrTypeSaysSo() {
        assertTrue(Failures.blamesRequest(error(null, "400")));
        assertTrue(Failures.blamesRequest(error(null, "422")));
        // A 4xx code that passes with time does not, whatever the type says.
        for (String transient4xx : new String[] {"408", "409", "429"}) {
            assertFalse(Failures.blamesRequest(error("invalid_request_error", transient4xx)), transient4xx);
        }
        assertTrue(Failures.blamesRequest(error("invalid_request_error", null)));
        assertTrue(Failures.blamesRequest(error(null, "context_length_exceeded")));
        assertTrue(Failures.blamesRequest(error(null, "invalid_api_key")));
        assertTrue(Failures.blamesRequest(error("authentication_error", null)));
        assertTrue(Failures.blamesRequest(error(null, "403")));

        assertFalse(Failures.blamesRequest(error(null, null)));
        assertFalse(Failures.blamesRequest(error("server_error", "500")));
        assertFalse(Failures.blamesRequest(error("overloaded_error", "4000")), "a code that only starts like a 4xx");
    }
}
