package ai.holysheep.chat.stream;

import ai.holysheep.chat.api.ApiError;
import ai.holysheep.chat.api.CallFailure;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.Chunk;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.StreamCall;
import ai.holysheep.chat.api.StreamListener;
import ai.holysheep.chat.api.TokenUsage;
import java.util.function.Consumer;

/**
 * One streamed answer: sends the request and turns the wire's callbacks into
 * {@link StreamEvent}s for {@code sink}. The sink is called from network threads and must only
 * hand events on (an {@link EventChannel}, or a UI's event queue).
 */
public final class Turn {
    private static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    private final GatewayClient client;
    private final ChatRequest request;
    private final Consumer<StreamEvent> sink;
    private final Object lock = new Object();
    private StreamCall call;
    private boolean finished;

    public Turn(GatewayClient client, ChatRequest request, Consumer<StreamEvent> sink) {
        this.client = client;
        this.request = request;
        this.sink = sink;
    }

    public void start() {
        synchronized (lock) {
            call = client.stream(request, new Listener());
        }
    }

    /** Stops the answer; the sink receives {@link StreamEvent.Cancelled} unless the turn already ended. */
    public void cancel() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            if (call != null) {
                call.cancel();
            }
            finish(new StreamEvent.Cancelled());
        }
    }

    private void finish(StreamEvent terminal) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            sink.accept(terminal);
        }
    }

    private void emit(StreamEvent event) {
        synchronized (lock) {
            if (!finished) {
                sink.accept(event);
            }
        }
    }

    private final class Listener implements StreamListener {
        private String finishReason;
        private TokenUsage usage;

        @Override
        public void onChunk(Chunk chunk) {
            if (chunk.error() != null) {
                call.cancel();
                fail(new CallFailure.InStream(chunk.error()));
                return;
            }
            if (chunk.reasoning() != null) {
                emit(new StreamEvent.Reasoning(chunk.reasoning()));
            }
            if (chunk.content() != null) {
                emit(new StreamEvent.Delta(chunk.content()));
            }
            if (chunk.usage() != null) {
                usage = chunk.usage();
            }
            if (chunk.finishReason() != null) {
                finishReason = chunk.finishReason();
            }
        }

        @Override
        public void onEnd(boolean sawDone) {
            if ("error".equals(finishReason)) {
                fail(new CallFailure.InStream(new ApiError(200,
                        "the server ended the answer with an error", "server_error", null)));
                return;
            }
            if (usage != null) {
                emit(new StreamEvent.Usage(usage, NONE));
            }
            finish(new StreamEvent.Done(finishReason));
        }

        @Override
        public void onFailure(CallFailure failure) {
            fail(failure);
        }

        private void fail(CallFailure failure) {
            finish(new StreamEvent.Failed(Failures.kind(failure), failure.describe()));
        }
    }
}
