package ai.holysheep.chat.stream;

/** Why a turn failed, in the terms the user (and the exit code) care about. */
public enum FailureKind {
    /** 401/403: the key is wrong or lacks permission. */
    AUTH,
    /** Another 4xx, or an in-stream error blaming the request: unknown model, context too long… */
    REJECTED,
    /** The network or the server failed. */
    UNAVAILABLE,
    /** The server sent something that is not a valid answer. */
    PROTOCOL
}
