package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.sim.SimOptions;
import ai.holysheep.chat.stream.StreamEvent;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/** The keyboard: model switcher, paste, editing by whole characters, scrolling, resizing. */
class ChatScreenKeysTest {

    @Test
    void f2FilterEnterSwitchesTheModelTheNextRequestSends() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced())) {
            rig.press(KeyType.F2);
            rig.step();
            rig.untilShows("claude-sonnet-4.5");
            rig.type("deep");
            rig.step();
            assertFalse(rig.text().contains("claude-sonnet-4.5"), rig.text());
            rig.press(KeyType.Enter);
            rig.step();
            assertTrue(rig.statusLine().contains("deepseek-v3.2"), rig.statusLine());

            rig.send("hello");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            assertEquals("deepseek-v3.2", rig.gateway.requests().get(rig.gateway.requests().size() - 1).json().path("model").asText());
        }
    }

    @Test
    void slashModelSwitchesDirectly() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced())) {
            rig.send("/model gemini-2.5-flash");
            assertTrue(rig.statusLine().contains("gemini-2.5-flash"));
            rig.send("hi");
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            assertEquals("gemini-2.5-flash", rig.gateway.requests().get(0).json().path("model").asText());
        }
    }

    @Test
    void aPastedMultiLineTextStaysOneMessage() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.press(BracketedPaste.START);
            rig.type("first line");
            rig.press(KeyType.Enter);
            rig.type("second line");
            rig.press(BracketedPaste.END);
            rig.step();
            assertEquals("first line\nsecond line", rig.ui.input.text());
            assertFalse(rig.session.turnInProgress());

            rig.press(KeyType.Enter);
            rig.step();
            assertTrue(rig.session.turnInProgress());
            assertTrue(rig.text().contains("▌ first line\n ▌ second line"), rig.text());
        }
    }

    @Test
    void aPastedTabIsSentAsATab() throws Exception {
        try (ScreenRig rig = ScreenRig.simulated(100, 30, SimOptions.defaults().unpaced())) {
            rig.press(BracketedPaste.START);
            rig.type("a");
            rig.press(KeyType.Tab);
            rig.type("b");
            rig.press(BracketedPaste.END);
            rig.step();
            assertEquals("a\tb", rig.ui.input.text());
            assertTrue(rig.text().contains("› a       b"), "shown up to the next tab stop:\n" + rig.text());

            rig.press(KeyType.Enter);
            rig.step();
            rig.until("the answer", t -> rig.statusLine().contains("ready · done"));
            var messages = rig.gateway.requests().get(0).json().path("messages");
            assertEquals("a\tb", messages.get(messages.size() - 1).path("content").asText());
        }
    }

    @Test
    void aSentMessageWithTabsKeepsItsColumnsLinedUp() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.press(BracketedPaste.START);
            for (String part : new String[] {"name\tqty", "\n", "banana\t12", "\n", "한글\t3"}) {
                if (part.equals("\n")) {
                    rig.press(KeyType.Enter);
                    continue;
                }
                String[] cells = part.split("\t");
                rig.type(cells[0]);
                rig.press(KeyType.Tab);
                rig.type(cells[1]);
            }
            rig.press(BracketedPaste.END);
            rig.press(KeyType.Enter);
            rig.step();
            String screen = rig.text();
            assertTrue(screen.contains("▌ name    qty\n ▌ banana  12\n ▌ 한글    3"), screen);
        }
    }

    @Test
    void editingMovesAndDeletesWholeCharacters() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.type("한글");
            rig.press(KeyType.ArrowLeft);
            rig.press(KeyType.Backspace);
            rig.step();
            assertEquals("글", rig.ui.input.text());

            rig.press(KeyType.End);
            rig.type("\uD83D\uDC4D\uD83C\uDFFD"); // 👍🏽 as lanterna delivers it: one keystroke per UTF-16 half
            rig.type("e\u0301");                // e + combining acute, typed as two keys
            rig.step();
            assertEquals("글👍🏽e\u0301", rig.ui.input.text());
            rig.press(KeyType.Backspace);
            rig.step();
            assertEquals("글👍🏽", rig.ui.input.text());
            rig.press(KeyType.ArrowLeft);
            rig.press(KeyType.Delete);
            rig.step();
            assertEquals("글", rig.ui.input.text());
            assertTrue(rig.text().contains("› 글"), rig.text());

            rig.type(" two words");
            rig.ctrl('w');
            rig.step();
            assertEquals("글 two ", rig.ui.input.text());
            rig.ctrl('a');
            rig.ctrl('k');
            rig.step();
            assertEquals("", rig.ui.input.text());
        }
    }

    @Test
    void altEnterInsertsANewlineAndUpRecallsEarlierPrompts() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.type("one");
            rig.press(new KeyStroke(KeyType.Enter, false, true));
            rig.type("two");
            rig.step();
            assertEquals("one\ntwo", rig.ui.input.text());
            rig.press(KeyType.Enter);
            rig.step();
            rig.press(KeyType.Escape);
            rig.step();
            rig.press(KeyType.ArrowUp);
            rig.step();
            assertEquals("one\ntwo", rig.ui.input.text());
        }
    }

    @Test
    void scrollingUpHoldsTheViewWhileTextStreamsAndEndFollowsAgain() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(60, 16)) {
            rig.send("count");
            StringBuilder lines = new StringBuilder();
            for (int i = 1; i <= 40; i++) {
                lines.append("line ").append(i).append("\n\n");
            }
            rig.feed(new StreamEvent.Delta(lines.toString()));
            rig.step();
            assertTrue(rig.text().contains("line 40"), "follows the newest text:\n" + rig.text());

            rig.press(KeyType.PageUp);
            rig.step();
            String view = rig.text();
            assertFalse(view.contains("line 40"));
            assertTrue(view.contains("more below"), view);

            rig.feed(new StreamEvent.Delta("line 41\n\n"));
            rig.step();
            assertEquals(firstRows(view), firstRows(rig.text()), "the view stays put");

            rig.press(new KeyStroke(KeyType.End, true, false));
            rig.step();
            assertTrue(rig.text().contains("line 41"), rig.text());
            assertFalse(rig.text().contains("more below"));
        }
    }

    @Test
    void resizeRewrapsAndATinyTerminalGetsAShortMessage() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.send("wrap");
            rig.feed(new StreamEvent.Delta("가나다라 마바사아 자차카타 파하가나 다라마바 사아자차 카타파하 가나다라 마바사아"));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            assertTrue(rig.text().contains("가나다라 마바사아 자차카타 파하가나 다라마바 사아자차 카타파하"), rig.text());

            rig.terminal.setTerminalSize(new TerminalSize(30, 20));
            rig.step();
            assertTrue(rig.text().contains(" 가나다라 마바사아 자차카타\n"), rig.text());

            rig.terminal.setTerminalSize(new TerminalSize(12, 5));
            rig.step();
            assertTrue(rig.text().contains("Terminal too"), rig.text());
        }
    }

    @Test
    void copyPutsTheLastAnswerOnTheClipboard() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(80, 24)) {
            rig.send("hi");
            rig.feed(new StreamEvent.Delta("**Hello** there"));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            rig.send("/copy");
            assertEquals(java.util.List.of("**Hello** there"), rig.copied);
            assertTrue(rig.text().contains("Copied the last answer"), rig.text());
        }
    }

    @Test
    void copyNCopiesTheNthCodeBlockOfTheLastAnswer() throws Exception {
        try (ScreenRig rig = ScreenRig.scripted(100, 24)) {
            rig.send("hi");
            rig.feed(new StreamEvent.Delta("First:\n\n```sh\nls -l\n```\n\nThen:\n\n```python\nprint('hi')\n```\n"));
            rig.feed(new StreamEvent.Done("stop"));
            rig.step();
            rig.send("/copy 2");
            assertEquals(java.util.List.of("print('hi')\n"), rig.copied);
            assertTrue(rig.text().contains("Copied code block 2 (12 characters) via test clipboard."), rig.text());

            rig.send("/copy 3");
            assertTrue(rig.text().contains("The last answer has 2 code blocks: /copy 1 to /copy 2."), rig.text());
            rig.send("/copy x");
            assertTrue(rig.text().contains("/copy takes the number of a code block"), rig.text());
            rig.send("/copy 1");
            rig.send("/copy");
            assertEquals(java.util.List.of("print('hi')\n", "ls -l\n",
                    "First:\n\n```sh\nls -l\n```\n\nThen:\n\n```python\nprint('hi')\n```\n"), rig.copied);
        }
    }

    private static String firstRows(String screen) {
        String[] rows = screen.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(rows, 0, 8));
    }
}
