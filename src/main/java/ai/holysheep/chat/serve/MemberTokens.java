package ai.holysheep.chat.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A member's bearer token: 256 random bits, shown once, kept only as a SHA-256 hash. A plain
 * hash (not a slow password hash) is enough because the token is random, not chosen by a person:
 * there is no dictionary to try.
 */
public final class MemberTokens {
    /** Makes a token recognisable in a leaked log or a secret scanner. */
    static final String PREFIX = "hsm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private MemberTokens() {
    }

    public static String newToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
