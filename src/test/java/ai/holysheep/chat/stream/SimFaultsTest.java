package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fault the simulated gateway can play, survived by both resume strategies. */
class SimFaultsTest {
    @ParameterizedTest
    @ValueSource(strings = {"drop@2:bytes=700", "drop@2:bytes=1", "drop@2", "stall@2:bytes=600", "malformed@2:after=5",
        "error@2:after=7", "html@2", "429@2:retry-after=1", "500@2", "502@2", "503@2", "504@2", "529@2",
        "drop@2-4,503@5", "huge@2:after=3"})
    void theAnswerArrivesWholeDespite(String faults) throws Exception {
        OkHttpClient http = TurnRun.http(TurnRun.STALL_TIMEOUT);
        for (ResumeMode mode : ResumeMode.values()) {
            try (SimGateway sim = SimGateway.start(SimOptions.defaults().unpaced().withFaults(faults))) {
                GatewayClient client = new GatewayClient(http, sim.baseUrl(), null);
                TurnRun.Outcome clean = TurnRun.run(client, TurnRun.ASK, TurnRun.settings(5, mode));
                TurnRun.Outcome faulty = TurnRun.run(client, TurnRun.ASK, TurnRun.settings(5, mode));
                assertInstanceOf(StreamEvent.Done.class, faulty.terminal(), mode + " " + faulty.events());
                assertEquals(clean.text(), faulty.text(), mode + " " + faults);
                assertFalse(faulty.all(StreamEvent.Retrying.class).isEmpty(), "the fault was felt");
            }
        }
        http.connectionPool().evictAll();
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Timeout(30)
    void crLineEndingsWithALoneCrLastGiveTheWholeAnswerWithoutARetry() throws Exception {
        OkHttpClient http = TurnRun.http(Duration.ofSeconds(20));
        try (SimGateway sim = SimGateway.start(SimOptions.defaults().unpaced().withFaults("cr@2"))) {
            GatewayClient client = new GatewayClient(http, sim.baseUrl(), null);
            TurnRun.Outcome clean = TurnRun.run(client, TurnRun.ASK, TurnRun.settings(5, ResumeMode.CONTINUE));
            TurnRun.Outcome cr = TurnRun.run(client, TurnRun.ASK, TurnRun.settings(5, ResumeMode.CONTINUE),
                    Duration.ofMillis(Math.min(10_000, TurnRun.PATIENCE.toMillis())));
            assertInstanceOf(StreamEvent.Done.class, cr.terminal(), cr.events().toString());
            assertEquals(clean.text(), cr.text());
            org.junit.jupiter.api.Assertions.assertTrue(cr.all(StreamEvent.Retrying.class).isEmpty(), cr.events().toString());
        }
        http.connectionPool().evictAll();
    }
}
