package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A base URL keeps its path and its query on every call, as Azure-style gateways need
 * ({@code …/v1?api-version=…}): each endpoint is added to the path, the query stays.
 */
class BaseUrlQueryTest {
    MockWebServer server;
    OkHttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String base(String pathAndQuery) {
        String root = server.url("/").toString();
        return root.substring(0, root.length() - 1) + pathAndQuery;
    }

    /** The path and query of each call a client on {@code base} makes: a stream, a whole answer, the model list. */
    List<String> targets(String pathAndQuery) throws Exception {
        GatewayClient client = new GatewayClient(http, base(pathAndQuery), null);
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("hi")), null, null);

        server.enqueue(Sse.stream().content("ok").finish("stop").done().response());
        assertTrue(ends(listener -> client.stream(request, listener)));
        String stream = target(server.takeRequest(5, TimeUnit.SECONDS));

        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"choices\":[{\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}").build());
        ends(listener -> client.whole(request, listener));
        String whole = target(server.takeRequest(5, TimeUnit.SECONDS));

        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"data\":[{\"id\":\"m\"}]}").build());
        assertEquals(List.of("m"), client.models());
        String models = target(server.takeRequest(5, TimeUnit.SECONDS));
        return List.of(stream, whole, models);
    }

    /** Runs one call to its end; true when it ended on [DONE] or a whole answer. */
    private static boolean ends(java.util.function.Consumer<StreamListener> call) throws Exception {
        CompletableFuture<Boolean> ended = new CompletableFuture<>();
        call.accept(new StreamListener() {
            @Override
            public void onChunk(Chunk chunk) {
            }

            @Override
            public void onEnd(boolean sawDone) {
                ended.complete(sawDone);
            }

            @Override
            public void onFailure(CallFailure failure) {
                ended.completeExceptionally(new AssertionError(failure.describe()));
            }
        });
        return ended.get(GatewayClientTest.PATIENCE_MS, TimeUnit.MILLISECONDS);
    }

    static String target(RecordedRequest request) {
        String query = request.getUrl().encodedQuery();
        return request.getUrl().encodedPath() + (query == null ? "" : "?" + query);
    }

    @Test
    void theQueryStaysAndThePathKeepsItsVersion() throws Exception {
        assertEquals(List.of("/v1/chat/completions?api-version=2024-10-21", "/v1/chat/completions?api-version=2024-10-21",
                "/v1/models?api-version=2024-10-21"), targets("/v1?api-version=2024-10-21"));
    }

    @Test
    void aSlashBeforeTheQueryChangesNothing() throws Exception {
        assertEquals(List.of("/openai/deployments/gpt/chat/completions?api-version=x&tenant=a%20b",
                "/openai/deployments/gpt/chat/completions?api-version=x&tenant=a%20b",
                "/openai/deployments/gpt/models?api-version=x&tenant=a%20b"),
                targets("/openai/deployments/gpt/?api-version=x&tenant=a%20b"));
    }

    @Test
    void withoutAQueryNoneIsAdded() throws Exception {
        assertEquals(List.of("/v1/chat/completions", "/v1/chat/completions", "/v1/models"), targets("/v1"));
        assertEquals(List.of("/v1/chat/completions", "/v1/chat/completions", "/v1/models"), targets("/v1/"));
        assertEquals(List.of("/chat/completions", "/chat/completions", "/models"), targets(""));
    }
}
