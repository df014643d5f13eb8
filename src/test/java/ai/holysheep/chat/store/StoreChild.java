package ai.holysheep.chat.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process using the store, started by the tests with the test classpath.
 * {@code stream DB}: saves a prompt, then appends to an answer forever, printing
 * "appending N" once word N is committed; the test kills it.
 * {@code write DB CONVERSATION NAME COUNT}: prints "ready", waits for "go" on stdin, then writes
 * COUNT prompt/answer pairs into the shared conversation and prints "done".
 * {@code native DB CACHE}: opens the store with SQLite's library kept in CACHE, then prints the
 * paths of the SQLite libraries the process has mapped, one a line.
 */
public final class StoreChild {
    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "stream" -> stream(file);
            case "write" -> write(file, Long.parseLong(args[2]), args[3], Integer.parseInt(args[4]));
            case "native" -> nativeLibrary(file, Path.of(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static String word(int n) {
        return "w" + n + " ";
    }

    private static void nativeLibrary(Path file, Path cache) throws Exception {
        try (ConversationStore store = ConversationStore.openAsync(file, cache).join()) {
            store.listConversations(1);
            try (var maps = java.nio.file.Files.lines(Path.of("/proc/self/maps"))) {
                maps.filter(line -> line.contains("sqlitejdbc"))
                        .map(line -> line.substring(line.indexOf('/')))
                        .distinct()
                        .forEach(System.out::println);
            }
        }
    }

    private static void stream(Path file) {
        ConversationStore store = ConversationStore.open(file);
        long id = store.createConversation("killed mid-answer", null, "gpt-4.1").id();
        store.appendUserMessage(id, "Tell me a very long story", "gpt-4.1");
        AssistantDraft draft = store.startAssistant(id, "gpt-4.1");
        for (int n = 0; ; n++) {
            draft.append(word(n));
            if (n % 10 == 9) {
                // Most words ride on the save interval; every tenth is made durable and reported.
                draft.flush();
                System.out.println("appending " + n);
                System.out.flush();
            }
        }
    }

    private static void write(Path file, long conversation, String name, int count) throws Exception {
        try (ConversationStore store = ConversationStore.open(file)) {
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"go".equals(in.readLine())) {
                throw new IllegalStateException("expected go");
            }
            for (int i = 0; i < count; i++) {
                store.appendUserMessage(conversation, name + " asks " + i, null);
                AssistantDraft draft = store.startAssistant(conversation, null);
                draft.append(name + " answers ");
                draft.append(String.valueOf(i));
                draft.finish(MessageStatus.COMPLETE, "stop", 1, 1, null);
            }
        }
        System.out.println("done");
        System.out.flush();
    }
}
