package ai.holysheep.chat.tui;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import java.util.List;
import java.util.function.Consumer;

/** The screen's backend over a real (or the simulated) gateway. */
public final class GatewayBackend implements Backend {
    private final GatewayClient client;
    private final RetrySettings retry;
    private final boolean simulated;

    public GatewayBackend(GatewayClient client, RetrySettings retry, boolean simulated) {
        this.client = client;
        this.retry = retry;
        this.simulated = simulated;
    }

    @Override
    public Turn turn(ChatRequest request, Consumer<StreamEvent> sink) {
        return new Turn(client, request, sink, retry);
    }

    @Override
    public List<String> models() throws Exception {
        return client.models();
    }

    @Override
    public boolean simulated() {
        return simulated;
    }
}
