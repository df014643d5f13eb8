package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Colours code blocks with a small tokenizer per language family: keywords, strings, comments,
 * numbers (and JSON keys, shell variables). It colours, it does not parse: a construct it does
 * not know is left in the block's base style.
 */
final class CodeHighlighter {
    enum Family { C_LIKE, PYTHON, SHELL, JSON, SQL, NONE }

    private static final byte TEXT = 0;
    private static final byte KEYWORD = 1;
    private static final byte STRING = 2;
    private static final byte COMMENT = 3;
    private static final byte NUMBER = 4;
    private static final byte KEY = 5;
    private static final byte VARIABLE = 6;

    private CodeHighlighter() {
    }

    static Family family(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "java", "javascript", "js", "jsx", "mjs", "typescript", "ts", "tsx", "kotlin", "kt",
                    "c", "cpp", "c++", "h", "cs", "csharp", "go", "rust", "rs", "swift", "scala" -> Family.C_LIKE;
            case "python", "py", "python3" -> Family.PYTHON;
            case "sh", "bash", "shell", "zsh", "console", "shellsession" -> Family.SHELL;
            case "json", "jsonc", "json5" -> Family.JSON;
            case "sql", "postgresql", "postgres", "mysql", "sqlite" -> Family.SQL;
            default -> Family.NONE;
        };
    }

    /** The code's lines as spans over {@code base}; {@code code} must hold no trailing newline. */
    static List<List<Span>> highlight(String code, Family family, Style base) {
        byte[] kinds = family == Family.NONE ? new byte[code.length()] : classify(code, family);
        List<List<Span>> lines = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i <= code.length(); i++) {
            if (i == code.length() || code.charAt(i) == '\n') {
                lines.add(spans(code, kinds, lineStart, i, base));
                lineStart = i + 1;
            }
        }
        return lines;
    }

    private static List<Span> spans(String code, byte[] kinds, int from, int to, Style base) {
        List<Span> out = new ArrayList<>();
        int runStart = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || kinds[i] != kinds[runStart]) {
                out.add(new Span(code.substring(runStart, i), style(kinds[runStart], base)));
                runStart = i;
            }
        }
        return out;
    }

    private static Style style(byte kind, Style base) {
        return switch (kind) {
            case KEYWORD -> base.withForeground(Color.BRIGHT_MAGENTA);
            case STRING -> base.withForeground(Color.GREEN);
            case COMMENT -> base.withForeground(Color.GRAY).withItalic();
            case NUMBER -> base.withForeground(Color.CYAN);
            case KEY -> base.withForeground(Color.BLUE);
            case VARIABLE -> base.withForeground(Color.YELLOW);
            default -> base;
        };
    }

    private static byte[] classify(String s, Family family) {
        byte[] kinds = new byte[s.length()];
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int end;
            if ((end = commentEnd(s, i, family)) > i) {
                fill(kinds, i, end, COMMENT);
            } else if ((end = stringEnd(s, i, family)) > i) {
                fill(kinds, i, end, family == Family.JSON && followedByColon(s, end) ? KEY : STRING);
            } else if (Character.isDigit(c) && (i == 0 || !isWordChar(s.charAt(i - 1)))) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.'
                        || s.charAt(end) == '_')) {
                    end++;
                }
                fill(kinds, i, end, NUMBER);
            } else if (family == Family.SHELL && c == '$' && i + 1 < n) {
                end = shellVariableEnd(s, i);
                fill(kinds, i, end, VARIABLE);
            } else if (isWordStart(c)) {
                end = i + 1;
                while (end < n && isWordChar(s.charAt(end))) {
                    end++;
                }
                if (isKeyword(s.substring(i, end), family) && (i == 0 || s.charAt(i - 1) != '.')) {
                    fill(kinds, i, end, KEYWORD);
                }
            } else {
                end = i + 1;
            }
            i = end;
        }
        return kinds;
    }

    private static int commentEnd(String s, int i, Family family) {
        boolean lineComment = switch (family) {
            case C_LIKE -> s.startsWith("//", i);
            case PYTHON -> s.charAt(i) == '#';
            case SHELL -> s.charAt(i) == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)));
            case SQL -> s.startsWith("--", i);
            default -> false;
        };
        if (lineComment) {
            int eol = s.indexOf('\n', i);
            return eol < 0 ? s.length() : eol;
        }
        if ((family == Family.C_LIKE || family == Family.SQL) && s.startsWith("/*", i)) {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        return i;
    }

    private static int stringEnd(String s, int i, Family family) {
        char c = s.charAt(i);
        if (family == Family.PYTHON && (s.startsWith("\"\"\"", i) || s.startsWith("'''", i))) {
            int close = s.indexOf(s.substring(i, i + 3), i + 3);
            return close < 0 ? s.length() : close + 3;
        }
        boolean quote = switch (family) {
            case C_LIKE -> c == '"' || c == '\'' || c == '`';
            case PYTHON, SHELL -> c == '"' || c == '\'';
            case SQL -> c == '\'' || c == '"';
            case JSON -> c == '"';
            default -> false;
        };
        if (!quote) {
            return i;
        }
        boolean escapes = !(family == Family.SQL || (family == Family.SHELL && c == '\''));
        boolean multiLine = c == '`' || family == Family.SHELL;
        int j = i + 1;
        while (j < s.length()) {
            char d = s.charAt(j);
            if (escapes && d == '\\') {
                j += 2;
                continue;
            }
            if (d == c) {
                return j + 1;
            }
            if (d == '\n' && !multiLine) {
                return j;
            }
            j++;
        }
        return s.length();
    }

    private static int shellVariableEnd(String s, int i) {
        if (s.charAt(i + 1) == '{') {
            int close = s.indexOf('}', i + 2);
            int eol = s.indexOf('\n', i);
            return close < 0 || (eol >= 0 && eol < close) ? i + 2 : close + 1;
        }
        if ("?#@*!$0123456789".indexOf(s.charAt(i + 1)) >= 0) {
            return i + 2;
        }
        int end = i + 1;
        while (end < s.length() && isWordChar(s.charAt(end)) && s.charAt(end) != '$') {
            end++;
        }
        return end;
    }

    private static boolean followedByColon(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i < s.length() && s.charAt(i) == ':';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static void fill(byte[] kinds, int from, int to, byte kind) {
        for (int i = from; i < to && i < kinds.length; i++) {
            kinds[i] = kind;
        }
    }

    private static boolean isKeyword(String word, Family family) {
        return switch (family) {
            case C_LIKE -> C_LIKE_WORDS.contains(word);
            case PYTHON -> PYTHON_WORDS.contains(word);
            case SHELL -> SHELL_WORDS.contains(word);
            case JSON -> word.equals("true") || word.equals("false") || word.equals("null");
            case SQL -> SQL_WORDS.contains(word.toLowerCase(Locale.ROOT));
            default -> false;
        };
    }

    private static final Set<String> C_LIKE_WORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
            "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "new", "package", "private", "protected", "public", "return",
            "short", "static", "super", "switch", "synchronized", "this", "throw", "throws", "try",
            "void", "volatile", "while", "var", "record", "sealed", "permits", "yield", "true",
            "false", "null", "async", "await", "function", "let", "typeof", "undefined", "delete",
            "in", "of", "export", "from", "as", "type", "readonly", "declare", "namespace", "keyof",
            "fn", "func", "struct", "impl", "mut", "pub", "use", "match", "val", "fun", "go", "defer");
    private static final Set<String> PYTHON_WORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield", "match", "case", "self");
    private static final Set<String> SHELL_WORDS = Set.of(
            "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case",
            "esac", "in", "function", "return", "local", "export", "readonly", "exit", "set",
            "unset", "shift", "source", "alias", "cd", "echo", "sudo");
    private static final Set<String> SQL_WORDS = Set.of(
            "select", "from", "where", "insert", "into", "values", "update", "set", "delete",
            "create", "table", "drop", "alter", "index", "view", "join", "inner", "left", "right",
            "outer", "full", "on", "as", "and", "or", "not", "null", "is", "in", "exists",
            "between", "like", "group", "by", "order", "having", "limit", "offset", "union", "all",
            "distinct", "case", "when", "then", "else", "end", "primary", "key", "foreign",
            "references", "default", "unique", "check", "with", "returning", "asc", "desc",
            "integer", "int", "varchar", "text", "boolean", "date", "timestamp", "begin",
            "commit", "rollback", "transaction", "if", "count", "sum", "avg", "min", "max");
}
