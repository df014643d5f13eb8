package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.holysheep.chat.api.Sse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile chosen in the config file ({@code profile = "openai"}) with the HolySheep key and URL
 * in the environment: two gateways on loopback, each checked for the Authorization it receives.
 */
class KeyGoesToItsGatewayTest {
    static final String HOLYSHEEP_KEY = "sk-holysheep-NEVER-ELSEWHERE-1111";
    static final String OPENAI_KEY = "sk-openai-ONLY-THERE-2222";

    @TempDir
    Path dir;
    MockWebServer openai;
    MockWebServer holysheep;

    @BeforeEach
    void start() throws Exception {
        openai = new MockWebServer();
        openai.start();
        holysheep = new MockWebServer();
        holysheep.start();
    }

    @AfterEach
    void stop() {
        openai.close();
        holysheep.close();
    }

    CliRun user(String profileKey) throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "profile = \"openai\"\n[profiles.openai]\nbase_url = \"" + openai.url("/v1")
                + "\"\nmodel = \"gpt-4.1-mini\"\n" + profileKey);
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return new CliRun().env("HOLYSHEEP_CONFIG", config.toString()).env("HOLYSHEEP_API_KEY", HOLYSHEEP_KEY);
    }

    static String authorization(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        return request.getHeaders().get("Authorization");
    }

    @Test
    void theProfilesGatewayGetsTheProfilesKeyNotTheHolySheepOne() throws Exception {
        openai.enqueue(Sse.stream().content("hi").finish("stop").done().response());
        CliRun.Result r = user("api_key_cmd = \"echo " + OPENAI_KEY + "\"\n").run("hello");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("Bearer " + OPENAI_KEY, authorization(openai));
        assertEquals(0, holysheep.getRequestCount());
    }

    @Test
    void aProfileWithoutAKeySendsNoneRatherThanTheHolySheepOne() throws Exception {
        openai.enqueue(Sse.stream().content("hi").finish("stop").done().response());
        CliRun.Result r = user("").run("hello");
        assertEquals(0, r.exitCode(), r.stderr());
        assertNull(authorization(openai));
    }

    @Test
    void theEnvironmentsUrlGetsTheEnvironmentsKeyNotTheProfiles() throws Exception {
        holysheep.enqueue(Sse.stream().content("hi").finish("stop").done().response());
        CliRun.Result r = user("api_key_cmd = \"echo " + OPENAI_KEY + "\"\n")
                .env("HOLYSHEEP_BASE_URL", holysheep.url("/v1").toString()).run("hello");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("Bearer " + HOLYSHEEP_KEY, authorization(holysheep));
        assertEquals(0, openai.getRequestCount());
    }

    @Test
    void theModelListFollowsTheSameRule() throws Exception {
        openai.enqueue(new mockwebserver3.MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"data\":[{\"id\":\"gpt-4.1-mini\"}]}").build());
        CliRun.Result r = user("api_key = \"" + OPENAI_KEY + "\"\n").run("models");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("Bearer " + OPENAI_KEY, authorization(openai));
        assertEquals(0, holysheep.getRequestCount());
    }
}
