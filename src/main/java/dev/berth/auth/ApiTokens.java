package dev.berth.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API tokens: 32 random bytes, shown once as {@code berth_} and base64url. Only their SHA-256 is
 * stored: a token has 256 bits of entropy, so a fast hash cannot be guessed back, and a lookup by
 * hash costs one indexed read (a slow password hash would cost every request tens of milliseconds).
 */
public final class ApiTokens {
    static final String PREFIX = "berth_";
    private static final Pattern WELL_FORMED = Pattern.compile("berth_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether it looks like a token at all: anything else is refused without a database read. */
    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
