package ai.holysheep.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crashes and concurrent writers, with real processes where a process is what matters. */
class ProcessesTest {
    @TempDir
    Path dir;
    final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void aProcessKilledMidAnswerLeavesAnIntactFileWithThePromptAndThePartialAnswer() throws Exception {
        Path file = dir.resolve("history.db");
        Process child = start("stream", file.toString());
        BufferedReader out = reader(child);
        int lastReported = -1;
        String line;
        while (lastReported < 49 && (line = out.readLine()) != null) {
            if (line.startsWith("appending ")) {
                lastReported = Integer.parseInt(line.substring("appending ".length()));
            }
        }
        assertTrue(lastReported >= 49, "child stopped early: " + stderr(child));

        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        try (Connection c = OpeningTest.raw(file)) {
            assertEquals("ok", OpeningTest.queryText(c, "PRAGMA integrity_check"));
        }
        try (ConversationStore store = ConversationStore.open(file)) {
            Conversation conversation = store.mostRecent().orElseThrow();
            List<StoredMessage> messages = store.messages(conversation.id());
            assertEquals(2, messages.size());
            assertEquals("Tell me a very long story", messages.get(0).content());
            StoredMessage answer = messages.get(1);
            assertEquals(MessageStatus.PARTIAL, answer.status());
            StringBuilder expected = new StringBuilder();
            for (int n = 0; n <= lastReported; n++) {
                expected.append(StoreChild.word(n));
            }
            assertTrue(answer.content().startsWith(expected.toString()),
                    "everything reported as saved is there: " + answer.content().length() + " chars");
            assertTrue(isPrefixOfTheStory(answer.content()), "nothing garbled or doubled");
        }
    }

    @Test
    void twoProcessesWritingTheSameConversationAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("history.db");
        long conversation;
        try (ConversationStore store = ConversationStore.open(file)) {
            conversation = store.createConversation("shared", null, null).id();
        }
        int count = 40;
        Process a = start("write", file.toString(), String.valueOf(conversation), "alpha", String.valueOf(count));
        Process b = start("write", file.toString(), String.valueOf(conversation), "beta", String.valueOf(count));
        BufferedReader outA = reader(a);
        BufferedReader outB = reader(b);
        assertEquals("ready", outA.readLine(), () -> stderr(a));
        assertEquals("ready", outB.readLine(), () -> stderr(b));
        go(a);
        go(b);
        assertEquals("done", outA.readLine(), () -> stderr(a));
        assertEquals("done", outB.readLine(), () -> stderr(b));
        assertEquals(0, a.waitFor());
        assertEquals(0, b.waitFor());

        try (ConversationStore store = ConversationStore.open(file)) {
            List<StoredMessage> messages = store.messages(conversation);
            assertEquals(4 * count, messages.size());
            Set<String> contents = new HashSet<>();
            for (int i = 0; i < messages.size(); i++) {
                assertEquals(i + 1, messages.get(i).seq());
                contents.add(messages.get(i).content());
            }
            for (int i = 0; i < count; i++) {
                for (String name : List.of("alpha", "beta")) {
                    assertTrue(contents.contains(name + " asks " + i));
                    assertTrue(contents.contains(name + " answers " + i));
                }
            }
        }
    }

    @Test
    void twoStoresInOneProcessWritingAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("history.db");
        int count = 50;
        try (ConversationStore first = ConversationStore.open(file);
             ConversationStore second = ConversationStore.open(file)) {
            long conversation = first.createConversation("shared", null, null).id();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (ConversationStore store : List.of(first, second)) {
                    String name = store == first ? "first" : "second";
                    done.add(threads.submit(() -> {
                        start.await();
                        for (int i = 0; i < count; i++) {
                            store.appendUserMessage(conversation, name + " " + i, null);
                            store.createConversation(name + " side " + i, null, null);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(2 * count, first.messages(conversation).size());
            assertEquals(1 + 2 * count, second.listConversations(1000).size());
        }
    }

    private static boolean isPrefixOfTheStory(String content) {
        StringBuilder story = new StringBuilder();
        for (int n = 0; story.length() < content.length(); n++) {
            story.append(StoreChild.word(n));
        }
        return story.toString().startsWith(content);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Killed children cannot delete the SQLite library the driver extracts: keep it here.
                "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"), StoreChild.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("stderr-" + children.size()).toFile())
                .start();
        children.add(process);
        return process;
    }

    private String stderr(Process process) {
        try {
            return java.nio.file.Files.readString(dir.resolve("stderr-" + children.indexOf(process)));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void go(Process process) throws IOException {
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write("go\n");
        in.flush();
    }
}
