package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.holysheep.chat.Main;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real one-shot command in its own process, stopped mid-answer from a slow gateway: killed
 * outright, the history keeps what was saved; interrupted, it keeps the answer as cancelled.
 */
class OneShotKilledTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String PROMPT = "Tell me a very long story";

    @TempDir
    Path dir;
    Path db;
    SimGateway gateway;
    Process child;
    final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    final CountDownLatch firstText = new CountDownLatch(1);
    Thread stdoutReader;

    @BeforeEach
    void start() throws Exception {
        db = dir.resolve("history.db");
        // 20 pieces a second: the answer takes minutes, so it is always stopped mid-way.
        gateway = SimGateway.start(SimOptions.defaults().withTokensPerSecond(20).withAnswerTokens(5000));
    }

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        gateway.close();
    }

    @Test
    void killedMidAnswerTheHistoryIsIntactWithTheQuestionAndThePartialAnswer() throws Exception {
        startOneShot();
        String savedBeforeKill = waitForSavedText();

        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        stdoutReader.join(TimeUnit.SECONDS.toMillis(30));

        try (Connection c = OpeningTest.raw(db)) {
            assertEquals("ok", OpeningTest.queryText(c, "PRAGMA integrity_check"));
        }
        List<StoredMessage> saved = savedMessages();
        assertEquals(2, saved.size());
        assertEquals(PROMPT, saved.get(0).content());
        StoredMessage answer = saved.get(1);
        assertEquals(MessageStatus.PARTIAL, answer.status());
        assertTrue(answer.content().startsWith(savedBeforeKill), "what was saved before the kill is still there");
        assertAgrees(answer.content(), shownText());
    }

    @Test
    void interruptedMidAnswerTheAnswerSoFarIsSavedAsCancelled() throws Exception {
        startOneShot();
        String savedBeforeStop = waitForSavedText();

        child.destroy(); // SIGTERM runs the same shutdown hooks as Ctrl+C's SIGINT
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        stdoutReader.join(TimeUnit.SECONDS.toMillis(30));

        List<StoredMessage> saved = savedMessages();
        assertEquals(2, saved.size());
        StoredMessage answer = saved.get(1);
        assertEquals(MessageStatus.CANCELLED, answer.status());
        assertTrue(answer.content().startsWith(savedBeforeStop));
        assertAgrees(answer.content(), shownText());
    }

    private void startOneShot() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--history-db", db.toString(), "--base-url", gateway.baseUrl(), PROMPT);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("HOLYSHEEP_") || name.startsWith("XDG_"));
        env.put("HOME", dir.toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.redirectError(dir.resolve("stderr").toFile());
        child = builder.start();
        child.getOutputStream().close(); // nothing piped in: the prompt is the whole question
        stdoutReader = new Thread(() -> copyStdout(child.getInputStream()), "child-stdout");
        stdoutReader.start();
    }

    private void copyStdout(InputStream in) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                synchronized (shown) {
                    shown.write(buf, 0, n);
                }
                if (n > 0) {
                    firstText.countDown();
                }
            }
        } catch (IOException e) {
            // The child was killed: its stdout ends here.
        }
    }

    /** Waits until the answer shows on stdout and then until the history holds part of it. */
    private String waitForSavedText() throws Exception {
        assertTrue(firstText.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), this::childStderr);
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(child.isAlive(), this::childStderr);
            Optional<StoredMessage> answer = Files.exists(db) ? savedAnswer() : Optional.empty();
            if (answer.isPresent() && !answer.get().content().isEmpty()) {
                assertEquals(MessageStatus.PARTIAL, answer.get().status());
                return answer.get().content();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return fail("no partial answer was saved: " + childStderr());
    }

    private Optional<StoredMessage> savedAnswer() {
        return savedMessages().stream().filter(m -> m.role() == Role.ASSISTANT).findFirst();
    }

    private List<StoredMessage> savedMessages() {
        try (ConversationStore store = ConversationStore.open(db)) {
            return store.mostRecent().map(c -> store.messages(c.id())).orElse(List.of());
        }
    }

    private String shownText() {
        synchronized (shown) {
            return shown.toString(StandardCharsets.UTF_8);
        }
    }

    /** Saved and shown text may end at different points, but never differ where both have text. */
    private static void assertAgrees(String saved, String shown) {
        assertFalse(saved.isEmpty());
        assertTrue(saved.startsWith(shown) || shown.startsWith(saved),
                "saved " + saved.length() + " chars, shown " + shown.length() + ": one is a prefix of the other");
    }

    private String childStderr() {
        try {
            return Files.readString(dir.resolve("stderr"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
