package ai.holysheep.chat.api;

/** A non-streamed call failed; carries the same {@link CallFailure} a stream would report. */
public final class GatewayException extends Exception {
    private final transient CallFailure failure;

    GatewayException(CallFailure failure) {
        super(failure.describe(), null, false, false);
        this.failure = failure;
    }

    public CallFailure failure() {
        return failure;
    }
}
