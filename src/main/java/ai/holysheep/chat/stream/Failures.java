package ai.holysheep.chat.stream;

import ai.holysheep.chat.api.ApiError;
import ai.holysheep.chat.api.CallFailure;

/** Sorts wire failures into the kinds the user sees. */
public final class Failures {
    private Failures() {
    }

    public static FailureKind kind(CallFailure failure) {
        if (failure instanceof CallFailure.Http http && http.status() != 200) {
            return byStatus(http.status());
        }
        // An error in a 200's body or inside the stream is judged by what it says, as its status would be.
        if (failure instanceof CallFailure.Http http) {
            return reported(http.error());
        }
        if (failure instanceof CallFailure.InStream in) {
            return reported(in.error());
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

    private static FailureKind reported(ApiError error) {
        if (refusesKey(error)) {
            return FailureKind.AUTH;
        }
        return blamesRequest(error) ? FailureKind.REJECTED : FailureKind.UNAVAILABLE;
    }

    private static boolean refusesKey(ApiError error) {
        String type = error.type() == null ? "" : error.type();
        String code = error.code() == null ? "" : error.code();
        return code.equals("401") || code.equals("403") || type.contains("authentication") || type.contains("permission");
    }

    /** An in-stream error that says the request itself is bad (so asking again cannot help). */
    static boolean blamesRequest(ApiError error) {
        String type = error.type() == null ? "" : error.type();
        String code = error.code() == null ? "" : error.code();
        if (code.matches("4\\d\\d")) {
            return !code.equals("408") && !code.equals("409") && !code.equals("429");
        }
        return type.contains("invalid_request") || code.contains("context_length") || code.contains("invalid")
                || refusesKey(error);
    }
}
