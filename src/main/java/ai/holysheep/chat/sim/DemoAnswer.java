package ai.holysheep.chat.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text the simulated gateway answers with. It says plainly that no real model is behind it and
 * how to reach one, in English and Korean, and carries a heading, a list, a code block and a table
 * so the renderers have real markdown to show. The same prompt and seed always give the same
 * answer; a different seed or prompt changes the wording and order a little.
 */
final class DemoAnswer {
    private static final int PROMPT_ECHO_LIMIT = 80;

    private static final String[] OPENINGS = {
        "This reply comes from the **built-in simulated gateway**, not from a real model.",
        "You are talking to the **simulated gateway** that ships with holysheep-chat. No real model is involved.",
        "Hello from the **simulated gateway**! This text is generated locally; no AI model wrote it.",
    };

    private static final String[] KOREAN_OPENINGS = {
        "이 답변은 실제 모델이 아니라 **내장 시뮬레이션 게이트웨이**가 만든 것입니다.",
        "지금은 holysheep-chat에 들어 있는 **시뮬레이션 게이트웨이**와 대화하고 있습니다. 실제 AI 모델은 없습니다.",
        "안녕하세요! 이 글은 **시뮬레이션 게이트웨이**가 내 컴퓨터 안에서 만든 것이며, AI 모델이 쓴 글이 아닙니다.",
    };

    private static final String[] USES = {
        "trying the interface without an account or a network",
        "testing how the client retries and resumes broken streams",
        "measuring how fast the terminal renders a long answer",
        "checking that Hangul such as 한글 and wide characters arrive intact",
    };

    /** Paragraphs cycled to stretch an answer to a requested length (benchmarks ask for 50k tokens). */
    private static final String[] FILLER = {
        "The simulated gateway keeps talking so that long streams can be measured. "
            + "Every sentence here is canned text, repeated in a fixed order.",
        "시뮬레이션 게이트웨이는 긴 스트림을 측정할 수 있도록 계속 이야기합니다. "
            + "여기 있는 문장은 모두 미리 준비된 글이며 정해진 순서대로 반복됩니다.",
        "- A list item with `inline code`\n- 두 번째 항목: 한국어 텍스트\n- A third item with **bold** text",
        "| step | 단계 | status |\n|---|---|---|\n| connect | 연결 | ok |\n| stream | 스트림 | ok |",
        "```text\nsimulated output line\n시뮬레이션 출력 줄\n```",
    };

    private DemoAnswer() {
    }

    /** The natural-length answer to {@code prompt}. */
    static String compose(String prompt, long seed) {
        long h = mix(seed, prompt);
        String opening = OPENINGS[(int) Long.remainderUnsigned(h, OPENINGS.length)];
        String koreanOpening = KOREAN_OPENINGS[(int) Long.remainderUnsigned(h >>> 8, KOREAN_OPENINGS.length)];
        List<String> uses = rotate(USES, (int) Long.remainderUnsigned(h >>> 16, USES.length));

        String english = "## Simulated answer\n\n"
            + opening + " It runs on your own machine and never leaves it.\n\n"
            + echo(prompt)
            + "To talk to a real model, set `HOLYSHEEP_API_KEY` and start again:\n\n"
            + "```sh\nexport HOLYSHEEP_API_KEY=your-key\nholysheep-chat --model gpt-4.1 \"hello\"\n```\n\n"
            + "What the simulator is good for:\n\n"
            + bullets(uses)
            + "\n| Model | Provider | 특징 |\n|---|---|---|\n"
            + "| gpt-4.1 | OpenAI | 범용 |\n"
            + "| claude-sonnet-4.5 | Anthropic | 긴 글 |\n"
            + "| gemini-2.5-flash | Google | 빠름 |\n"
            + "| deepseek-v3.2 | DeepSeek | 추론 |\n";
        String korean = "## 한국어 안내\n\n"
            + koreanOpening + " 실제 모델과 대화하려면 `HOLYSHEEP_API_KEY` 환경 변수를 설정한 뒤 다시 실행하세요.\n\n"
            + "1. API 키를 발급받습니다.\n"
            + "2. `export HOLYSHEEP_API_KEY=...` 로 설정합니다.\n"
            + "3. holysheep-chat을 다시 시작합니다.\n";
        boolean koreanFirst = containsHangul(prompt);
        return koreanFirst ? korean + "\n" + english : english + "\n" + korean;
    }

    /**
     * The answer as stream pieces, exactly {@code tokens} long when {@code tokens > 0} (cut short or
     * stretched with filler), or at its natural length when {@code tokens == 0}.
     */
    static List<String> pieces(String prompt, long seed, int tokens) {
        List<String> pieces = Tokens.split(compose(prompt, seed));
        if (tokens <= 0) {
            return pieces;
        }
        if (pieces.size() >= tokens) {
            return new ArrayList<>(pieces.subList(0, tokens));
        }
        List<List<String>> filler = new ArrayList<>();
        for (String paragraph : FILLER) {
            filler.add(Tokens.split("\n\n" + paragraph));
        }
        List<String> out = new ArrayList<>(tokens);
        out.addAll(pieces);
        int section = 0;
        while (out.size() < tokens) {
            section++;
            out.addAll(Tokens.split("\n\n### Part " + section));
            out.addAll(filler.get((section - 1) % filler.size()));
        }
        return new ArrayList<>(out.subList(0, tokens));
    }

    /** A short, made-up line of thinking for models that stream reasoning before answering. */
    static String reasoning(String prompt) {
        String about = containsHangul(prompt) ? "The question is in Korean, so the answer leads with Korean. " : "";
        return "The user sent a prompt, but I am only the simulated gateway. " + about
            + "I should say so plainly, show some markdown, and explain how to set HOLYSHEEP_API_KEY. "
            + "시뮬레이션이라는 점을 분명히 밝히겠습니다.";
    }

    private static String echo(String prompt) {
        StringBuilder flat = new StringBuilder();
        prompt.codePoints()
            .map(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp) ? ' ' : cp)
            .forEach(flat::appendCodePoint);
        String line = flat.toString().replaceAll(" {2,}", " ").strip();
        if (line.isEmpty()) {
            return "";
        }
        if (line.codePointCount(0, line.length()) > PROMPT_ECHO_LIMIT) {
            line = line.substring(0, line.offsetByCodePoints(0, PROMPT_ECHO_LIMIT)) + "…";
        }
        return "You wrote: \"" + line + "\"\n\n";
    }

    private static String bullets(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            out.append("- ").append(item).append('\n');
        }
        return out.toString();
    }

    private static List<String> rotate(String[] items, int by) {
        List<String> out = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            out.add(items[(i + by) % items.length]);
        }
        return out;
    }

    static boolean containsHangul(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }

    /** FNV-1a over the prompt's UTF-8 bytes, seeded, so wording choices follow prompt and seed. */
    private static long mix(long seed, String prompt) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : prompt.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
