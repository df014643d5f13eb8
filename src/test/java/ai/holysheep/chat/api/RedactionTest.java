package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The client's own secrets are hidden in whatever a server sends back, whole or in part. */
class RedactionTest {
    private static final String KEY = "sk-0123456789abcdef";

    @Test
    void aWholeKeyBecomesOneMask() {
        assertEquals("401 Incorrect API key provided: [key].",
                new Redaction(KEY).apply("401 Incorrect API key provided: " + KEY + "."));
    }

    @Test
    void aKeyAtTheVeryEndOrFillingTheTextIsHiddenToo() {
        Redaction r = new Redaction(KEY);
        assertEquals("key: [key]", r.apply("key: " + KEY));
        assertEquals("[key]", r.apply(KEY));
        assertEquals("[key]", r.apply(KEY.substring(3, 11)));
    }

    @Test
    void eightCharactersOfASecretAreHiddenSevenAreNot() {
        Redaction r = new Redaction(KEY);
        assertEquals("quoted [key]…", r.apply("quoted " + KEY.substring(0, 8) + "…"));
        assertEquals("quoted " + KEY.substring(0, 7) + "…", r.apply("quoted " + KEY.substring(0, 7) + "…"));
        assertEquals("sk-…cdef", r.apply("sk-…cdef"));
    }

    @Test
    void secretsTooShortToMatterOrMissingAreIgnored() {
        assertEquals("[key] and 1234567", new Redaction("pass1234", "1234567", null).apply("pass1234 and 1234567"));
        String text = "nothing to hide";
        assertSame(text, new Redaction().apply(text));
        assertSame(text, new Redaction((String) null).apply(text));
        assertNull(new Redaction(KEY).apply((String) null));
    }

    @Test
    void theLongestMatchingSecretWins() {
        Redaction r = new Redaction("abcdefghijklmnop", "abcdefgh");
        assertEquals("[key]!", r.apply("abcdefghijklmnop!"));
        assertEquals("[key]!", new Redaction("abcdefgh", "abcdefghijklmnop").apply("abcdefghijklmnop!"));
        assertEquals("[key]/[key]", new Redaction(KEY, "proxy-password").apply(KEY + "/proxy-password"));
    }

    @Test
    void everyTextFieldOfAnErrorIsHiddenAndTheStatusKept() {
        ApiError e = new Redaction(KEY).apply(new ApiError(401, "bad " + KEY, "t " + KEY, KEY));
        assertEquals(new ApiError(401, "bad [key]", "t [key]", "[key]"), e);
        assertNull(new Redaction(KEY).apply((ApiError) null));
    }

    @Test
    void everyKindOfFailureIsHidden() {
        Redaction r = new Redaction(KEY);
        ApiError error = new ApiError(401, "bad " + KEY, null, null);
        ApiError hidden = new ApiError(401, "bad [key]", null, null);
        assertEquals(new CallFailure.Http(hidden, "3", "3000"), r.apply(new CallFailure.Http(error, "3", "3000")));
        assertEquals(new CallFailure.InStream(hidden), r.apply(new CallFailure.InStream(error)));
        assertEquals(new CallFailure.Network("lost [key]"), r.apply(new CallFailure.Network("lost " + KEY)));
        assertEquals(new CallFailure.Protocol("odd [key]"), r.apply(new CallFailure.Protocol("odd " + KEY)));
    }

    @Test
    void aChunkKeepsItsContentAndLosesTheKeyInItsError() {
        Redaction r = new Redaction(KEY);
        Chunk plain = new Chunk(KEY, null, null, null, null);
        assertSame(plain, r.apply(plain), "content is the model's, not a server's echo");
        TokenUsage usage = new TokenUsage(1, 2, 3);
        Chunk withError = new Chunk("c", "r", "stop", usage, new ApiError(200, KEY, null, null));
        assertEquals(new Chunk("c", "r", "stop", usage, new ApiError(200, "[key]", null, null)), r.apply(withError));
    }
}
