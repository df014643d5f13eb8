package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.render.DisplayWidth;
import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.store.Conversation;
import ai.holysheep.chat.store.ConversationExport;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.MessageStatus;
import ai.holysheep.chat.store.Role;
import ai.holysheep.chat.store.StoredMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved conversations inside the chat: listing, filtering, continuing one, naming the current one. */
class ChatScreenHistoryTest {
    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void twoSavedConversations() {
        db = dir.resolve("history.db");
        try (ConversationStore store = ConversationStore.open(db)) {
            store.importConversation(conversation("부산 여행 계획", "claude-sonnet-4.5", Instant.parse("2025-11-20T10:00:00Z"),
                    message(Role.USER, "부산에서 뭐 할까?", MessageStatus.COMPLETE),
                    message(Role.ASSISTANT, "해운대에 가 보세요.", MessageStatus.COMPLETE)));
            store.importConversation(conversation("Fix the build", "gpt-4.1", Instant.parse("2025-11-21T10:00:00Z"),
                    message(Role.USER, "why does maven fail offline?", MessageStatus.COMPLETE),
                    message(Role.ASSISTANT, "Because the plugin", MessageStatus.PARTIAL)));
        }
    }

    @Test
    void f3ListsNewestFirstFilterAndEnterContinuesTheConversation() throws Exception {
        try (ScreenRig rig = ScreenRig.saving(100, 30, SimOptions.defaults().unpaced(), db)) {
            rig.press(KeyType.F3);
            rig.untilShows("부산 여행 계획");
            String list = rig.text();
            assertTrue(list.contains("Conversations"), list);
            assertTrue(list.indexOf("Fix the build") < list.indexOf("부산 여행 계획"), "newest first:\n" + list);
            assertTrue(list.contains("claude-sonnet-4.5 · 2 messages"), list);

            rig.type("부산");
            rig.step();
            assertFalse(rig.text().contains("Fix the build"), rig.text());
            rig.press(KeyType.Enter);
            rig.untilShows("Continuing");
            String shown = rig.text();
            assertTrue(shown.contains("부산에서 뭐 할까?"), shown);
            assertTrue(shown.contains("해운대에 가 보세요."), shown);
            assertTrue(rig.statusLine().contains("claude-sonnet-4.5"), rig.statusLine());
            assertTrue(rig.rows().stream().anyMatch(r -> r.startsWith("── 부산 여행 계획 ──")), "title on the rule:\n" + shown);

            rig.send("그 다음은?");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            JsonNode sent = last(rig).path("messages");
            assertEquals(List.of("user:부산에서 뭐 할까?", "assistant:해운대에 가 보세요.", "user:그 다음은?"), roles(sent));
            assertEquals("claude-sonnet-4.5", last(rig).path("model").asText());
            assertEquals(4, rig.session.savedHistory().orElseThrow().list(10).stream()
                    .filter(c -> c.title().equals("부산 여행 계획")).findFirst().orElseThrow().messageCount());
        }
    }

    @Test
    void aPartialAnswerIsMarkedAndStillSentAsContext() throws Exception {
        try (ScreenRig rig = ScreenRig.saving(100, 30, SimOptions.defaults().unpaced(), db)) {
            rig.send("/history");
            rig.untilShows("Fix the build");
            rig.press(KeyType.Enter);
            rig.untilShows("Continuing");
            assertTrue(rig.text().contains("Because the plugin"), rig.text());
            assertTrue(rig.text().contains("◌ partial"), rig.text());

            rig.send("go on");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            assertEquals(List.of("user:why does maven fail offline?", "assistant:Because the plugin", "user:go on"),
                    roles(last(rig).path("messages")));
        }
    }

    @Test
    void typingSearchesTheMessagesToo() throws Exception {
        try (ScreenRig rig = ScreenRig.saving(100, 30, SimOptions.defaults().unpaced(), db)) {
            rig.press(KeyType.F3);
            rig.untilShows("부산 여행 계획");
            rig.type("maven");
            rig.untilShows("Fix the build  (in the text)");
            assertFalse(rig.text().contains("부산 여행 계획"), rig.text());
            rig.press(KeyType.Escape);
            rig.step();
            assertFalse(rig.text().contains("Conversations"), rig.text());
        }
    }

    @Test
    void theListIsAFramedDialogWithTheSelectedRowHighlighted() throws Exception {
        try (ScreenRig rig = ScreenRig.saving(80, 24, SimOptions.defaults().unpaced(), db)) {
            rig.send("가나다라마바사아자차카타파하".repeat(12));
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            rig.press(KeyType.F3);
            rig.untilShows("부산 여행 계획");
            List<String> rows = rig.rows();
            int top = indexOf(rows, "╭");
            int bottom = indexOf(rows, "╰");
            assertTrue(top >= 0 && bottom > top, rig.text());
            int left = DisplayWidth.of(rows.get(top).substring(0, rows.get(top).indexOf('╭')));
            int right = DisplayWidth.of(rows.get(top).substring(0, rows.get(top).indexOf('╮')));
            for (int r = top + 1; r < bottom; r++) {
                String row = rows.get(r);
                assertEquals(left, DisplayWidth.of(row.substring(0, row.indexOf('│'))),
                        "left border out of line on row " + r + " (Hangul behind it):\n" + rig.text());
                assertEquals(right, DisplayWidth.of(row.substring(0, row.lastIndexOf('│'))),
                        "right border out of line on row " + r + " (wide characters?):\n" + rig.text());
            }
            int selectedRow = top + 2;
            assertTrue(rows.get(selectedRow).contains("Fix the build"), rig.text());
            int col = rows.get(selectedRow).indexOf("Fix");
            assertEquals(Styles.SELECTED_STRONG.getBackgroundColor(),
                    rig.terminal.getCharacter(col, selectedRow).getBackgroundColor());
            rig.press(KeyType.ArrowDown);
            rig.step();
            assertEquals(Styles.SELECTED.getBackgroundColor(), rig.terminal.getCharacter(col, selectedRow + 1).getBackgroundColor());
        }
    }

    @Test
    void titleRenamesTheCurrentConversationInTheStore() throws Exception {
        try (ScreenRig rig = ScreenRig.saving(100, 30, SimOptions.defaults().unpaced(), db)) {
            rig.send("첫 질문입니다");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            assertTrue(rig.rows().stream().anyMatch(r -> r.startsWith("── 첫 질문입니다 ──")), rig.text());
            rig.send("/title 회의 메모");
            assertTrue(rig.rows().stream().anyMatch(r -> r.startsWith("── 회의 메모 ──")), rig.text());
            long id = rig.session.conversationId().orElseThrow();
            Conversation saved = rig.session.savedHistory().orElseThrow().read(id).orElseThrow().conversation();
            assertEquals("회의 메모", saved.title());

            rig.send("/new");
            assertFalse(rig.text().contains("회의 메모"), rig.text());
        }
    }

    @Test
    void aLongConversationPagedThroughComesBackToTheSameLastScreen() throws Exception {
        List<StoredMessage> messages = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            messages.add(i % 2 == 0
                    ? message(Role.USER, "질문 " + i + ": how does the stream resume?", MessageStatus.COMPLETE)
                    : message(Role.ASSISTANT, "Answer " + i + ": it asks again.\n\n- a list item with `code`\n- 한국어 줄도 있습니다",
                            MessageStatus.COMPLETE));
        }
        try (ConversationStore store = ConversationStore.open(db)) {
            store.importConversation(conversation("Long chat", "gpt-4.1", Instant.parse("2025-11-22T10:00:00Z"),
                    messages.toArray(new StoredMessage[0])));
        }
        try (ScreenRig rig = ScreenRig.saving(100, 30, SimOptions.defaults().unpaced(), db)) {
            rig.press(KeyType.F3);
            rig.untilShows("Long chat");
            rig.press(KeyType.Enter);
            rig.untilShows("Continuing");
            List<String> newest = rig.rows().subList(0, 20);
            assertTrue(String.join("\n", newest).contains("Answer 999: it asks again."), rig.text());
            assertTrue(String.join("\n", newest).contains("한국어 줄도 있습니다"), rig.text());

            rig.press(KeyType.Home);
            rig.step();
            assertTrue(rig.rows().get(0).contains("질문 0: how does the stream resume?"), rig.text());
            // Page by page through most of it: more lines drawn than the pane keeps laid out.
            for (int i = 0; i < 120; i++) {
                rig.press(KeyType.PageDown);
                rig.step();
            }
            assertFalse(rig.text().contains("질문 0:"), rig.text());
            assertFalse(rig.text().contains("Answer 999"), rig.text());

            rig.press(KeyType.End);
            rig.step();
            assertEquals(newest, rig.rows().subList(0, 20), "the last screen, laid out again after scrolling away");
        }
    }

    private static JsonNode last(ScreenRig rig) {
        return rig.gateway.requests().get(rig.gateway.requests().size() - 1).json();
    }

    private static List<String> roles(JsonNode messages) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : messages) {
            out.add(m.path("role").asText() + ":" + m.path("content").asText());
        }
        return out;
    }

    private static int indexOf(List<String> rows, String fragment) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    private static ConversationExport conversation(String title, String model, Instant at, StoredMessage... messages) {
        return new ConversationExport(ConversationExport.FORMAT_VERSION,
                new Conversation(0, title, at, at, null, model, messages.length), List.of(messages));
    }

    private static StoredMessage message(Role role, String text, MessageStatus status) {
        Instant at = Instant.parse("2025-11-20T10:00:00Z");
        return new StoredMessage(0, 0, 0, role, text, null, role == Role.ASSISTANT ? null : "m", status, null,
                null, null, null, at, at);
    }
}
