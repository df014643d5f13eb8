package ai.holysheep.chat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A prompt may be any words, so picocli takes {@code holysheep-chat modles} as a question about
 * "modles" and sends it, at the user's expense. The rule: when the whole command line is one bare
 * word of three or more letters that is not a command but is within edit distance 2 (1 for
 * names of four letters or fewer) of a visible command, it is refused with a suggestion. A real
 * one-word prompt still works after {@code --}: {@code holysheep-chat -- modles}.
 */
public final class CommandTypos {
    private CommandTypos() {
    }

    /**
     * The error to show instead of running {@code args}, if they look like a mistyped command.
     *
     * @param commands every command name and alias, each with whether help lists it
     */
    public static Optional<String> mistyped(Map<String, Boolean> commands, String[] args) {
        if (args.length != 1) {
            return Optional.empty();
        }
        String word = args[0];
        if (word.length() < 3 || word.startsWith("-") || !word.matches("[\\p{L}-]+")) {
            return Optional.empty();
        }
        if (commands.containsKey(word)) {
            return Optional.empty();
        }
        List<String> closest = new ArrayList<>();
        int best = Integer.MAX_VALUE;
        for (Map.Entry<String, Boolean> e : commands.entrySet()) {
            String name = e.getKey();
            if (!e.getValue()) {
                continue;
            }
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), name);
            if (d > (name.length() <= 4 ? 1 : 2) || d > best) {
                continue;
            }
            if (d < best) {
                closest.clear();
                best = d;
            }
            closest.add("'" + name + "'");
        }
        if (closest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("unknown command '" + word + "' — did you mean " + String.join(" or ", closest)
                + "? (to ask it as a prompt: holysheep-chat -- " + word + ")");
    }

    /** Levenshtein distance where swapping two neighbouring letters counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
