package ai.holysheep.chat.tui;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.GatewayException;
import ai.holysheep.chat.api.ModelInfo;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The screen's backend over a real (or the simulated) gateway. The client can be built after the
 * first frame: on a cold JVM, setting up TLS and starting the simulated gateway take about a
 * second, which the user would otherwise spend looking at an empty terminal.
 */
public final class GatewayBackend implements Backend {
    private final Supplier<GatewayClient> connect;
    private final CompletableFuture<GatewayClient> client = new CompletableFuture<>();
    private final RetrySettings retry;
    private final boolean simulated;

    public GatewayBackend(GatewayClient client, RetrySettings retry, boolean simulated) {
        this(() -> client, retry, simulated);
        this.client.complete(client);
    }

    /** A backend whose client {@code connect} builds, on the executor {@link #prepare} is given. */
    public GatewayBackend(Supplier<GatewayClient> connect, RetrySettings retry, boolean simulated) {
        this.connect = connect;
        this.retry = retry;
        this.simulated = simulated;
    }

    @Override
    public void prepare(Executor background) {
        if (client.isDone()) {
            return;
        }
        background.execute(() -> {
            try {
                client.complete(connect.get());
            } catch (RuntimeException e) {
                client.completeExceptionally(e);
            }
        });
    }

    @Override
    public Turn turn(ChatRequest request, Consumer<StreamEvent> sink) {
        return new Turn(client(), request, sink, retry);
    }

    @Override
    public List<String> models() throws Exception {
        return client().models();
    }

    /** The gateway's models with the context windows it states; for the session, not the screen. */
    public List<ModelInfo> modelInfo() throws GatewayException {
        return client().modelInfo();
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    /** The client, waiting for it if it is still being built (only a question typed in the first second waits). */
    private GatewayClient client() {
        try {
            return client.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
