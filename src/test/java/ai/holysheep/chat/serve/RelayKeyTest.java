package ai.holysheep.chat.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.Secret;
import ai.holysheep.chat.config.ServeLimits;
import ai.holysheep.chat.store.TeamStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's own key, echoed by a gateway that refuses it, never reaches a member. */
class RelayKeyTest {
    static final String KEY = "sk-team-key-4f1d2c3b";

    @TempDir
    Path dir;

    @Test
    void aGatewayEchoingTheRelaysKeyInItsRefusalDoesNotPassItOn() throws Exception {
        try (MockWebServer gateway = new MockWebServer()) {
            gateway.start();
            String refusal = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                    + ". You can find your API key at https://platform.example/keys\",\"type\":\"invalid_request_error\"}}";
            gateway.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                    .body(refusal).build());
            gateway.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                    .body(refusal).build());
            OkHttpClient http = GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
            try (TeamStore store = TeamStore.open(dir.resolve("serve.db"), Clock.systemUTC());
                 RelayServer relay = RelayServer.start(new Upstream(new GatewayClient(http, gateway.url("/v1").toString(),
                         new Secret(KEY)), RetrySettings.DEFAULTS, Map.of(), "gpt-4.1", List.of()),
                         ServeLimits.DEFAULTS.withAddress("127.0.0.1", 0), store, Clock.systemUTC(), line -> { })) {
                String token = MemberTokens.newToken();
                store.addMember("alice", MemberTokens.hash(token), false);
                HttpClient member = HttpClient.newHttpClient();
                for (String body : List.of(RelayRig.body("hi", true), RelayRig.body("hi", false))) {
                    HttpResponse<String> r = member.send(HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/chat/completions"))
                            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(502, r.statusCode(), "the relay's key was refused: not the member's fault to fix");
                    assertFalse(r.body().contains(KEY), r.body());
                    assertFalse(r.headers().map().toString().contains(KEY));
                }
                assertEquals("Bearer " + KEY, gateway.takeRequest().getHeaders().get("Authorization"));
            }
        }
    }
}
