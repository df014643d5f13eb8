package ai.holysheep.chat.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The roles a user can pick: the built-in ones, then the config file's, a config role replacing a
 * built-in one of the same name (the user's own words about what "shell" means win).
 */
final class Roles {
    static final Map<String, AssistantRole> BUILT_IN = builtIn(
            new AssistantRole("shell", String.join(" ",
                    "Answer with exactly one shell command for a POSIX shell on the user's system and nothing else:",
                    "no explanation, no markdown, no code fences, no leading $ prompt.",
                    "If several steps are needed, join them into one line with && or pipes.",
                    "If no command can do what is asked, answer with a single line starting with #."),
                    null, 0.0, true),
            new AssistantRole("code", String.join(" ",
                    "Answer with code only: one fenced code block with its language named, and nothing before",
                    "or after it. Comments inside the code may explain what is not obvious."),
                    null, 0.2, true),
            new AssistantRole("explain", String.join(" ",
                    "Explain what the user gives you (a command, code, an error or a concept) to someone who",
                    "knows the basics: first one sentence saying what it does, then the parts in order, then",
                    "anything surprising or dangerous about it. Be brief."),
                    null, null, true));

    private Roles() {
    }

    /** Every role by name: built-in first, then the config's in file order. */
    static Map<String, AssistantRole> merged(Map<String, AssistantRole> fromFile) {
        Map<String, AssistantRole> all = new LinkedHashMap<>(BUILT_IN);
        all.putAll(fromFile);
        return all;
    }

    private static Map<String, AssistantRole> builtIn(AssistantRole... roles) {
        Map<String, AssistantRole> out = new LinkedHashMap<>();
        for (AssistantRole role : roles) {
            out.put(role.name(), role);
        }
        return out;
    }
}
