package ai.holysheep.chat.stream;

import ai.holysheep.chat.api.ApiError;
import ai.holysheep.chat.api.CallFailure;

/** Sorts wire failures into the kinds the user sees. */
public final class Failures {
    private Failures() {
    }

    public static FailureKind kind(CallFailure failure) {
        if (failure instanceof CallFailure.Http http) {
            return byStatus(http.status());
        }
        if (failure instanceof CallFailure.InStream in) {
            return blamesRequest(in.error()) ? FailureKind.REJECTED : FailureKind.UNAVAILABLE;
        }
        return failure instanceof CallFailure.Protocol ? FailureKind.PROTOCOL : FailureKind.UNAVAILABLE;
    }

    static FailureKind byStatus(int status) {
        if (status == 401 || status == 403) {
            return FailureKind.AUTH;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 409 && status != 429) {
            return FailureKind.REJECTED;
        }
        return FailureKind.UNAVAILABLE;
    }

    /** An in-stream error that says the request itself is bad (so asking again cannot help). */
    static boolean blamesRequest(ApiError error) {
        String type = error.type() == null ? "" : error.type();
        String code = error.code() == null ? "" : error.code();
        if (code.matches("4\\d\\d")) {
            return !code.equals("408") && !code.equals("409") && !code.equals("429");
        }
        return type.contains("invalid_request") || code.contains("context_length") || code.contains("invalid");
    }
}
