package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.api.Sse;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.Role;
import ai.holysheep.chat.store.StoredMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten {@code -c} runs into one conversation at once. The gateway holds every answer until all ten
 * questions have arrived, so every question is saved before any answer: the worst interleaving.
 */
class ConcurrentContinueTest {
    static final int RUNS = 10;

    @TempDir
    Path dir;
    Path db;
    MockWebServer server;
    CountDownLatch allAsked = new CountDownLatch(RUNS);

    @BeforeEach
    void start() throws Exception {
        db = dir.resolve("history.db");
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String question = lastQuestion(request);
                if (!question.equals("first")) {
                    allAsked.countDown();
                    allAsked.await(30, TimeUnit.SECONDS);
                }
                return Sse.stream().role().content("answer to " + question).finish("stop").done().response();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String lastQuestion(RecordedRequest request) {
        try {
            JsonNode messages = Json.MAPPER.readTree(request.getBody().string(StandardCharsets.UTF_8)).get("messages");
            return messages.get(messages.size() - 1).get("content").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    CliRun.Result ask(String... args) {
        List<String> all = new ArrayList<>(List.of("--history-db", db.toString()));
        all.addAll(List.of(args));
        return new CliRun().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString()).run(all.toArray(String[]::new));
    }

    @Test
    void eachQuestionStaysNextToItsAnswer() throws Exception {
        assertEquals(0, ask("first").exitCode());
        ExecutorService runs = Executors.newFixedThreadPool(RUNS);
        try {
            List<Future<CliRun.Result>> results = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                String question = "question " + i;
                results.add(runs.submit(() -> ask("-c", question)));
            }
            for (Future<CliRun.Result> r : results) {
                CliRun.Result result = r.get(60, TimeUnit.SECONDS);
                assertEquals(0, result.exitCode(), result.stderr());
            }
        } finally {
            runs.shutdownNow();
        }

        List<StoredMessage> saved;
        try (ConversationStore store = ConversationStore.open(db)) {
            saved = store.messages(store.mostRecent().orElseThrow().id());
        }
        assertEquals(2 * (RUNS + 1), saved.size());
        for (int i = 0; i < saved.size(); i += 2) {
            StoredMessage question = saved.get(i);
            StoredMessage answer = saved.get(i + 1);
            assertEquals(Role.USER, question.role(), "row " + i);
            assertEquals(Role.ASSISTANT, answer.role(), "row " + (i + 1));
            assertEquals("answer to " + question.content(), answer.content());
        }
        for (int i = 0; i < saved.size(); i++) {
            assertEquals(i + 1, saved.get(i).seq());
        }
        assertEquals("first", saved.get(0).content());
    }
}
