package ai.holysheep.chat.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Hides the client's own secrets (the API key, a proxy password) in text a server sent back:
 * many gateways answer {@code 401 Incorrect API key provided: sk-…} with the whole key, and that
 * text would otherwise reach stderr, JSON events, doctor and the debug log.
 *
 * <p>Any run of {@value #MIN_RUN} or more characters taken from a secret is replaced, so a key
 * cut short or quoted in part is hidden too; a shorter echo (the first and last few characters)
 * is no use to anyone and is left alone.
 */
final class Redaction {
    static final String MASK = "[key]";
    static final int MIN_RUN = 8;

    private final List<String> secrets;

    Redaction(String... secrets) {
        this.secrets = Arrays.stream(secrets).filter(Objects::nonNull)
                .filter(s -> s.length() >= MIN_RUN).toList();
    }

    String apply(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int run = longestRun(text, i);
            if (run >= MIN_RUN) {
                out.append(MASK);
                i += run;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The longest stretch of {@code text} from {@code start} that occurs in one of the secrets. */
    private int longestRun(String text, int start) {
        int best = 0;
        for (String secret : secrets) {
            int end = start + MIN_RUN;
            if (end > text.length() || !secret.contains(text.substring(start, end))) {
                continue;
            }
            while (end < text.length() && secret.contains(text.substring(start, end + 1))) {
                end++;
            }
            best = Math.max(best, end - start);
        }
        return best;
    }

    ApiError apply(ApiError e) {
        return e == null ? null : new ApiError(e.status(), apply(e.message()), apply(e.type()), apply(e.code()));
    }

    CallFailure apply(CallFailure f) {
        if (f instanceof CallFailure.Http h) {
            return new CallFailure.Http(apply(h.error()), h.retryAfter(), h.retryAfterMs());
        } else if (f instanceof CallFailure.InStream s) {
            return new CallFailure.InStream(apply(s.error()));
        } else if (f instanceof CallFailure.Network n) {
            return new CallFailure.Network(apply(n.what()));
        } else if (f instanceof CallFailure.Protocol p) {
            return new CallFailure.Protocol(apply(p.what()));
        }
        return f;
    }

    Chunk apply(Chunk c) {
        return c.error() == null ? c
                : new Chunk(c.content(), c.reasoning(), c.finishReason(), c.usage(), apply(c.error()));
    }
}
