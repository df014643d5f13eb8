package ai.holysheep.chat.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slash commands against a chat that only writes down what it was asked to do. */
class CommandsTest {
    final List<String> done = new ArrayList<>();
    final Commands commands = new Commands(new Recorder());

    @Test
    void aWordAfterTheSlashIsACommandAMessageStartingWithAPathIsNot() {
        assertTrue(commands.isCommand("/help"));
        assertTrue(commands.isCommand("  /model gpt-4.1 "));
        assertFalse(commands.isCommand("/etc/hosts is where names live"));
        assertFalse(commands.isCommand("/"));
        assertFalse(commands.isCommand("a /model in the middle"));
    }

    @Test
    void namesAreTakenInAnyCaseAndByTheirOtherNames() {
        commands.run("/Q");
        commands.run("/conversations");
        commands.run("/rename   a new   name ");
        commands.run("/MODELS");

        assertEquals(List.of("quit", "openHistory", "renameConversation(a new   name)", "openPicker"), done);
    }

    @Test
    void editPutsItsTextIntoTheDraftBeforeTheEditorOpensIt() {
        commands.run("/edit start here");

        assertEquals(List.of("addToDraft(start here)", "editDraft"), done);
    }

    @Test
    void copyTakesANumberOrNothing() {
        commands.run("/copy");
        commands.run("/copy 2");
        commands.run("/copy two");

        assertEquals(List.of("copyLastAnswer", "copyCodeBlock(2)",
                "problem: /copy takes the number of a code block (/copy 1 for the first), or nothing for the whole answer."), done);
    }

    @Test
    void fileTakesTheWholeArgumentSpacesAndAll() {
        commands.run("/file 한글 노트.txt");
        commands.run("/attach");
        commands.run("/file -");

        assertEquals(List.of("attach(한글 노트.txt)", "attach()", "attach(-)"), done);
    }

    @Test
    void systemWithoutTextRemovesThePromptAndSaysSo() {
        commands.run("/system Be brief.");
        commands.run("/system");

        assertEquals(List.of("setSystemPrompt(Be brief.)", "note: System prompt set for the next request.",
                "setSystemPrompt()", "note: System prompt removed."), done);
    }

    @Test
    void anUnknownCommandIsToldNotSent() {
        commands.run("/frobnicate now");

        assertEquals(List.of("problem: Unknown command /frobnicate; /help lists them."), done);
    }

    private final class Recorder implements CommandTarget {
        @Override
        public void note(String text, boolean problem) {
            done.add((problem ? "problem: " : "note: ") + text);
        }

        @Override
        public void quit() {
            done.add("quit");
        }

        @Override
        public void newConversation() {
            done.add("newConversation");
        }

        @Override
        public void openHistory() {
            done.add("openHistory");
        }

        @Override
        public void renameConversation(String title) {
            done.add("renameConversation(" + title + ")");
        }

        @Override
        public void retry() {
            done.add("retry");
        }

        @Override
        public void addToDraft(String text) {
            done.add("addToDraft(" + text + ")");
        }

        @Override
        public void editDraft() {
            done.add("editDraft");
        }

        @Override
        public void copyLastAnswer() {
            done.add("copyLastAnswer");
        }

        @Override
        public void copyCodeBlock(int n) {
            done.add("copyCodeBlock(" + n + ")");
        }

        @Override
        public void openHelp() {
            done.add("openHelp");
        }

        @Override
        public void attach(String argument) {
            done.add("attach(" + argument + ")");
        }

        @Override
        public void openPicker() {
            done.add("openPicker");
        }

        @Override
        public void switchModel(String model) {
            done.add("switchModel(" + model + ")");
        }

        @Override
        public void listRoles() {
            done.add("listRoles");
        }

        @Override
        public void useRole(String name) {
            done.add("useRole(" + name + ")");
        }

        @Override
        public void setSystemPrompt(String text) {
            done.add("setSystemPrompt(" + text + ")");
        }
    }
}
