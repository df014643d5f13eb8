package ai.holysheep.chat.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of one {@code .gitignore}, for the paths below the directory it sits in. A subset of
 * git's: comments, blank lines, {@code !} to take a path back, a trailing {@code /} for
 * directories only, a {@code /} at the start or in the middle to anchor a pattern to this
 * directory (else it matches a name at any depth), and {@code *}, {@code ?}, {@code [...]} and
 * {@code **} as git reads them. Not covered: trailing spaces kept by a backslash, and
 * {@code core.excludesFile} or {@code .git/info/exclude}.
 */
final class Gitignore {
    /** What the rules say about one path: the last rule that matches decides. */
    enum Verdict { IGNORED, KEPT, UNSAID }

    private record Rule(Pattern pattern, boolean negated, boolean directoriesOnly) {
    }

    private final List<Rule> rules;

    private Gitignore(List<Rule> rules) {
        this.rules = rules;
    }

    static Gitignore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.stripTrailing();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            if (negated) {
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean directoriesOnly = line.endsWith("/");
            if (directoriesOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.indexOf('/') >= 0;
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            rules.add(new Rule(Pattern.compile((anchored ? "" : "(?:.*/)?") + regex(line)), negated, directoriesOnly));
        }
        return new Gitignore(List.copyOf(rules));
    }

    /** {@code relative}: the path from this file's directory, with {@code /} between names. */
    Verdict judge(String relative, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.directoriesOnly() && !directory) {
                continue;
            }
            if (rule.pattern().matcher(relative).matches()) {
                return rule.negated() ? Verdict.KEPT : Verdict.IGNORED;
            }
        }
        return Verdict.UNSAID;
    }

    /** The glob as a regular expression over a whole relative path. */
    private static String regex(String glob) {
        StringBuilder out = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*' && segmentStart
                    && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                if (i + 2 == n) {
                    out.append(".*");              // "dir/**": everything inside
                } else {
                    out.append("(?:.*/)?");        // "**/x" and "a/**/b": any directories, or none
                    i++;
                }
                i++;
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    out.append("\\[");
                    continue;
                }
                String body = glob.substring(i + 1, close);
                if (body.startsWith("!")) {
                    body = "^" + body.substring(1);
                }
                out.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = close;
            } else if (c == '\\' && i + 1 < n) {
                out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
