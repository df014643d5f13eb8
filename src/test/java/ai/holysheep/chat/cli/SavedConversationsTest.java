package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.MessageStatus;
import ai.holysheep.chat.store.Role;
import ai.holysheep.chat.store.StoredMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-shot questions are saved, and can pick up where an earlier conversation left off. */
class SavedConversationsTest {
    @TempDir
    Path dir;
    Path db;
    SimGateway gateway;

    @BeforeEach
    void start() throws Exception {
        db = dir.resolve("history.db");
        gateway = SimGateway.start(SimOptions.defaults().unpaced());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    CliRun.Result ask(String... args) {
        List<String> all = new ArrayList<>(List.of("--history-db", db.toString()));
        all.addAll(List.of(args));
        return new CliRun().env("HOLYSHEEP_BASE_URL", gateway.baseUrl()).run(all.toArray(String[]::new));
    }

    /** The messages the gateway received in request number {@code n} (from 0), as role: content. */
    List<String> sentMessages(int n) {
        List<String> sent = new ArrayList<>();
        for (JsonNode m : gateway.requests().get(n).json().get("messages")) {
            sent.add(m.get("role").asText() + ": " + m.get("content").asText());
        }
        return sent;
    }

    List<StoredMessage> saved(long conversation) {
        try (ConversationStore store = ConversationStore.open(db)) {
            return store.messages(conversation);
        }
    }

    List<Conversation> conversations() {
        try (ConversationStore store = ConversationStore.open(db)) {
            return store.listConversations(100);
        }
    }

    /** The answer as it was sent and saved; stdout ends it with a newline if it had none. */
    static String answer(CliRun.Result r) {
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    static String shown(String saved) {
        return saved.endsWith("\n") ? saved : saved + "\n";
    }

    @Test
    void aQuestionAndItsAnswerAreSavedByDefault() {
        String answer = answer(ask("서울의 날씨는 어때요?"));

        Conversation c = conversations().get(0);
        assertEquals("서울의 날씨는 어때요?", c.title());
        List<StoredMessage> saved = saved(c.id());
        assertEquals(2, saved.size());
        assertEquals(Role.USER, saved.get(0).role());
        assertEquals("서울의 날씨는 어때요?", saved.get(0).content());
        assertEquals(answer, shown(saved.get(1).content()));
        assertEquals(MessageStatus.COMPLETE, saved.get(1).status());
    }

    @Test
    void continueSendsTheMostRecentConversationAsContextAndAddsToIt() {
        String first = answer(ask("first question"));
        answer(ask("--continue", "second question"));
        String third = answer(ask("-c", "third question"));

        List<String> second = sentMessages(1);
        assertEquals(3, second.size());
        assertEquals("user: first question", second.get(0));
        assertEquals(first, shown(second.get(1).substring("assistant: ".length())));
        assertEquals("user: second question", second.get(2));
        assertEquals(5, sentMessages(2).size());
        assertEquals("user: third question", sentMessages(2).get(4));
        assertEquals(1, conversations().size());
        List<StoredMessage> saved = saved(conversations().get(0).id());
        assertEquals(6, saved.size());
        assertEquals(third, shown(saved.get(5).content()));
    }

    @Test
    void conversationIdContinuesThatConversationAndItsModelUnlessAnotherIsAskedFor() {
        answer(ask("--model", "deepseek-v3.2", "about pipes"));
        answer(ask("about sockets"));
        long pipes = conversations().stream().filter(c -> c.title().equals("about pipes")).findFirst()
                .orElseThrow().id();

        answer(ask("--conversation", String.valueOf(pipes), "and named pipes?"));
        assertEquals("user: about pipes", sentMessages(2).get(0));
        assertEquals("user: and named pipes?", sentMessages(2).get(2));
        assertEquals("deepseek-v3.2", gateway.requests().get(2).json().get("model").asText());

        answer(ask("--conversation", String.valueOf(pipes), "--model", "gpt-4.1", "one more"));
        assertEquals("gpt-4.1", gateway.requests().get(3).json().get("model").asText());
        assertEquals(6, saved(pipes).size());
    }

    @Test
    void anUnknownConversationIsAUsageErrorAndNothingIsAsked() {
        answer(ask("hello"));
        CliRun.Result r = ask("--conversation", "999", "hello again");

        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("holysheep-chat: no conversation '999' (see: holysheep-chat conversations list)\n", r.stderr());
        assertEquals("", r.stdout());
        assertEquals(1, gateway.requests().size());
    }

    @Test
    void continuingWithNothingSavedIsAUsageError() {
        CliRun.Result r = ask("-c", "hello");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("holysheep-chat: no saved conversation to continue\n", r.stderr());
        assertEquals(0, gateway.requests().size());
    }

    @Test
    void noSaveWritesNothing() {
        answer(ask("--no-save", "keep this to yourself"));
        assertFalse(Files.exists(db));
    }

    @Test
    void noSaveWithContinueAsksWithTheSavedContextAndAddsNothingToIt() {
        String first = answer(ask("first question"));
        answer(ask("-c", "--no-save", "a private aside"));

        List<String> sent = sentMessages(1);
        assertEquals(3, sent.size());
        assertEquals("user: first question", sent.get(0));
        assertEquals(first, shown(sent.get(1).substring("assistant: ".length())));
        assertEquals("user: a private aside", sent.get(2));
        assertEquals(1, conversations().size());
        assertEquals(2, saved(conversations().get(0).id()).size());
    }

    @Test
    void noSaveWithAConversationIdKeepsItsModelAndAddsNothing() {
        answer(ask("--model", "deepseek-v3.2", "about pipes"));
        long pipes = conversations().get(0).id();

        answer(ask("--conversation", String.valueOf(pipes), "--no-save", "and named pipes?"));
        assertEquals("deepseek-v3.2", gateway.requests().get(1).json().get("model").asText());
        assertEquals("user: about pipes", sentMessages(1).get(0));
        assertEquals(2, saved(pipes).size());
    }

    @Test
    void aHistoryThatCannotBeOpenedOnlyWarnsAndTheAnswerStillArrives() throws Exception {
        Path aFile = dir.resolve("not-a-directory");
        Files.writeString(aFile, "x");
        db = aFile.resolve("history.db");

        CliRun.Result r = ask("still answer me");
        assertEquals(0, r.exitCode());
        assertFalse(r.stdout().isBlank());
        assertTrue(r.stderr().startsWith("holysheep-chat: warning: not saving this conversation: "), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
    }

    @Test
    void conversationsCommandsShareTheRootHistoryOption() {
        answer(ask("listed question"));
        CliRun.Result r = new CliRun().run("--history-db", db.toString(), "conversations", "list");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("listed question"), r.stdout());
    }

    @Test
    void aHistoryFileInANewDirectoryIsPrivateAndMakingTheDirectoryIsToldOnce() throws Exception {
        Path file = dir.resolve("typo/nested/work.db");
        CliRun run = new CliRun().env("HOLYSHEEP_BASE_URL", gateway.baseUrl());
        CliRun.Result first = run.run("--history-db", file.toString(), "hello");
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals("holysheep-chat: created directory " + file.getParent()
                + " (readable by you alone) for the history database\n", first.stderr());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        CliRun.Result second = run.run("--history-db", file.toString(), "-c", "again");
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals("", second.stderr());
    }
}
